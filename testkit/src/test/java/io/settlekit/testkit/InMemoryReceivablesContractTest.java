package io.settlekit.testkit;

import io.settlekit.money.Amount;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.Direction;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.memory.InMemoryReceivables;
import io.settlekit.reconcile.ReceivableSource;
import io.settlekit.testkit.contract.ReceivableSourceContract;

import java.time.LocalDateTime;
import java.time.ZoneId;

/** The in-memory receivables pass the contract (seeded with the receivables the scenario implies). */
class InMemoryReceivablesContractTest extends ReceivableSourceContract {
    private static Receivable r(String reference, Direction direction, long fen, String time) {
        return new Receivable(reference, direction, Amount.ofMinor("EUR", fen),
                LocalDateTime.parse(time).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @Override
    protected ReceivableSource sourceWithScenario() {
        return new InMemoryReceivables()
                .add(Channel.PAYPAL, FR, r("FR-1", Direction.FORWARD, 8990, "2025-03-14T10:00:00"))
                .add(Channel.PAYPAL, FR, r("FR-2", Direction.FORWARD, 500, "2025-03-14T11:00:00"))
                .add(Channel.PAYPAL, FR, r("FR-2", Direction.FORWARD, 2000, "2025-03-14T09:00:00"))
                .add(Channel.AFTERPAY, FR, r("FR-3", Direction.FORWARD, 3000, "2025-03-14T12:00:00"))
                .add(Channel.PAYPAL, FR, r("FR-5", Direction.FORWARD, 1000, "2025-03-13T23:59:59"))
                .add(Channel.PAYPAL, FR, r("FR-1", Direction.REVERSE, 1350, "2025-03-14T23:00:00"))
                .add(Channel.PAYPAL, FR, r("FR-5", Direction.REVERSE, 500, "2025-03-14T08:00:00"))
                .add(Channel.AFTERPAY, FR, r("FR-3", Direction.REVERSE, 3000, "2025-03-14T14:00:00"))
                .add(Channel.PAYPAL, FR, r("FR-1", Direction.REVERSE, 1000, "2025-03-15T00:00:00"));
    }
}
