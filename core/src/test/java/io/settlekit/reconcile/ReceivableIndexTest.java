package io.settlekit.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.money.Amount;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReceivableIndexTest {
    private static final Instant T = Instant.parse("2025-03-14T08:00:00.123456789Z");

    private static Receivable receivable(String reference, Direction direction, long fen, int second) {
        return new Receivable(reference, direction, Amount.ofMinor("USD", fen), T.plusSeconds(second));
    }

    @Test
    void groupsByReferenceAndDirectionInArrivalOrderThroughGrowth() {
        ReceivableIndex.Builder builder = ReceivableIndex.builder();
        List<Receivable> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Receivable r = receivable("ORD-" + (i % 3_000), i % 7 == 0 ? Direction.REVERSE : Direction.FORWARD, i, i);
            all.add(r);
            builder.accept(r);
        }
        ReceivableIndex index = builder.build();

        assertThat(index.size()).isEqualTo(10_000);
        for (String reference : List.of("ORD-0", "ORD-1", "ORD-2999")) {
            for (Direction direction : Direction.values()) {
                List<Receivable> expected = all.stream()
                        .filter(r -> r.reference().equals(reference) && r.direction() == direction).toList();
                List<Receivable> chain = new ArrayList<>();
                for (int slot = index.group(reference, direction); slot >= 0; slot = index.next(slot)) {
                    chain.add(index.receivable(slot));
                }
                assertThat(chain).as(reference + " " + direction).isEqualTo(expected);
            }
        }
        assertThat(index.group("ORD-3000", Direction.FORWARD)).isNegative();
        assertThat(index.group("ord-0", Direction.FORWARD)).isNegative();
    }

    @Test
    void rebuildsReceivablesExactlyAndReopensForAnotherRun() {
        Receivable refund = receivable("SHOP-1", Direction.REVERSE, 12_000, 5);
        ReceivableIndex index = ReceivableIndex.of(List.of(refund));
        int slot = index.group("SHOP-1", Direction.REVERSE);

        assertThat(index.receivable(slot)).isEqualTo(refund);
        index.close(slot);
        assertThat(index.isOpen(slot)).isFalse();
        assertThat(index.reopened().isOpen(slot)).isTrue();
        assertThat(index.isOpen(slot)).isFalse();
    }

    @Test
    void tellsApartReferencesWithEqualHashesAndKeepsAnyCharacters() {
        // "Aa" and "BB" share String.hashCode(); the index compares characters when the hashes agree
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        Receivable aa = receivable("Aa", Direction.FORWARD, 1, 1);
        Receivable bb = receivable("BB", Direction.FORWARD, 2, 2);
        Receivable chinese = receivable("订单-2025-😀", Direction.FORWARD, 3, 3);
        Receivable refund = receivable("X", Direction.REVERSE, 4, 4);
        ReceivableIndex index = ReceivableIndex.of(List.of(aa, bb, chinese, refund));

        assertThat(index.receivable(index.group("Aa", Direction.FORWARD))).isEqualTo(aa);
        assertThat(index.receivable(index.group("BB", Direction.FORWARD))).isEqualTo(bb);
        assertThat(index.receivable(index.group("订单-2025-😀", Direction.FORWARD))).isEqualTo(chinese);
        assertThat(index.receivable(index.group("X", Direction.REVERSE))).isEqualTo(refund);
        assertThat(index.group("X", Direction.FORWARD)).isNegative();
        assertThat(index.group("订单-2025-", Direction.FORWARD)).isNegative();
        assertThat(index.next(index.group("Aa", Direction.FORWARD))).isNegative();
    }
}
