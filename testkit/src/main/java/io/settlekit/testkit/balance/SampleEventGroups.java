package io.settlekit.testkit.balance;

import io.settlekit.balance.FinancialEventGroup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample {@code mws_financial_event_groups} rows for tests and the demo: deterministic, every column
 * filled (or left empty on purpose), amounts with two decimals and times to the millisecond so that every
 * store reads them back equal.
 *
 * <p>Thread-safe: static factories of new values, no state.
 */
public final class SampleEventGroups {
    /** The instant the samples' times are based on. */
    public static final Instant BASE = Instant.parse("2026-11-01T00:00:00Z");

    private SampleEventGroups() {
    }

    /** An open, live group number {@code n} with every column filled. */
    public static FinancialEventGroup open(int n, String currency, String amount) {
        return full(n, currency, amount).build();
    }

    /**
     * A builder of group number {@code n} with every column filled: uuid {@code 00000000-0000-0000-0000-<n>},
     * seller {@code SELLER<n % 97>}, status {@code Open}.
     */
    public static FinancialEventGroup.Builder full(int n, String currency, String amount) {
        Instant at = BASE.plusSeconds(n * 61L).plusMillis(n % 1000);
        return FinancialEventGroup.builder()
                .uuid(uuid(n))
                .createdAt(at)
                .updatedAt(at.plusSeconds(30))
                .sellerId("SELLER" + (n % 97))
                .financialEventGroupId("FEG-" + n + "-" + currency)
                .processingStatus(FinancialEventGroup.OPEN)
                .fundTransferStatus("Initiated")
                .fundTransferDate(at.plusSeconds(3600))
                .traceId("TRACE" + n)
                .accountTail(String.format("%03d", n % 1000))
                .originalTotalAmount(new BigDecimal(amount))
                .convertedTotalAmount(new BigDecimal(amount).add(new BigDecimal("0.10")))
                .beginningBalanceAmount(new BigDecimal("10.00"))
                .financialEventGroupStart(at.minusSeconds(86_400 * 14L))
                .financialEventGroupEnd(at)
                .currencyCode(currency)
                .extHash("{\"n\":" + n + "}");
    }

    /** An open, live group with only the required columns. */
    public static FinancialEventGroup minimal(int n, String currency, String amount) {
        return FinancialEventGroup.builder()
                .uuid(uuid(n))
                .sellerId("SELLER" + (n % 97))
                .financialEventGroupId("FEG-" + n + "-" + currency)
                .originalTotalAmount(new BigDecimal(amount))
                .currencyCode(currency)
                .build();
    }

    /** {@code count} open groups cycling through {@code currencies}, amounts varying with two decimals. */
    public static List<FinancialEventGroup> openGroups(int count, String... currencies) {
        List<FinancialEventGroup> groups = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            groups.add(open(n, currencies[n % currencies.length], amount(n)));
        }
        return groups;
    }

    /** The sample amount of group {@code n}: varies in sign, size and the half-cent digit. */
    public static String amount(int n) {
        long cents = (n * 7919L) % 10_000_000L - (n % 11 == 0 ? 5_000_000L : 0);
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** The uuid of group number {@code n}. */
    public static String uuid(int n) {
        return String.format("00000000-0000-0000-0000-%012d", n);
    }
}
