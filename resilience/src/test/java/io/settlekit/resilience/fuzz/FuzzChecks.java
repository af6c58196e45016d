package io.settlekit.resilience.fuzz;

import io.settlekit.base.SettlekitException;
import io.settlekit.money.Amount;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.SettlementInput;
import io.settlekit.reconcile.SettlementParser;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The property every fuzz target checks: an input either parses, giving results that satisfy the
 * invariants below, or fails with the SDK's typed {@link SettlekitException} with a short message. Any other
 * throwable (NPE, IndexOutOfBounds, NumberFormatException, ArithmeticException, StackOverflowError…)
 * escapes the target, and Jazzer reports it as a finding.
 */
final class FuzzChecks {
    /** Longest error message accepted: messages quote offending values, never whole inputs. */
    static final int MAX_MESSAGE = 1_000;

    private FuzzChecks() {
    }

    /** Runs {@code parse}; a typed error is an accepted outcome once its own shape is checked. */
    static void typedOrParsed(Runnable parse) {
        try {
            parse.run();
        } catch (SettlekitException typed) {
            check(typed.code() != null && !typed.code().isBlank(), "typed error without a code: " + typed);
            String message = typed.getMessage();
            check(message != null && !message.isBlank(), "typed error without a message: " + typed.code());
            if (message.length() > MAX_MESSAGE) {
                throw new AssertionError("error message of " + message.length() + " characters: " + message.substring(0, 200));
            }
        }
    }

    /** Parses one settlement file and checks the lines the parser handed out. */
    static void settlementFile(SettlementParser parser, String name, byte[] content) {
        List<SettlementLine> lines = new ArrayList<>();
        typedOrParsed(() -> {
            lines.clear();
            long count = parser.parse(List.of(new SettlementInput(name, () -> new ByteArrayInputStream(content))), lines::add);
            check(count == lines.size(), "parser says " + count + " lines, handed out " + lines.size());
            long previous = 0;
            for (SettlementLine line : lines) {
                currency(line.gross());
                currency(line.fee());
                check(line.file().equals(name), "line names file " + line.file());
                check(line.line() > previous, "line numbers not increasing: " + line.line() + " after " + previous);
                previous = line.line();
                line.net(); // gross + fee: overflow must be typed, not an ArithmeticException
            }
        });
    }

    /** A parsed amount's currency is a well-formed code. */
    static void currency(Amount amount) {
        check(FeeTypeCodes.isWellFormed(amount.feeType()), "amount with currency '" + amount.feeType() + "'");
    }

    /** Fails the fuzz target (a finding) when {@code condition} is false. */
    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
