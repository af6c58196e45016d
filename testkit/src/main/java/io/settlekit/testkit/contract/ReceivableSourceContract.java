package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.money.Amount;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.Direction;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.Site;
import io.settlekit.reconcile.Sites;
import io.settlekit.reconcile.ReceivableSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ReceivableSource}, over one scenario every adapter seeds in its own backend
 * ({@link #sourceWithScenario()}): site {@code fr-cupshe}, window 2025-03-14 00:00–24:00 in Asia/Shanghai
 * ({@link #FROM}, {@link #UNTIL}).
 *
 * <ul>
 *   <li>{@code FR-1}: accepted order paid through PayPal, 89.90 EUR at 2025-03-14 10:00 (Shanghai);</li>
 *   <li>{@code FR-2}: accepted order with two PayPal payments, 20.00 EUR at 09:00 and 5.00 EUR at 11:00;</li>
 *   <li>{@code FR-3}: accepted order paid with Afterpay, 30.00 EUR at 12:00;</li>
 *   <li>{@code FR-4}: an order never accepted (no state 2), paid through PayPal at 13:00;</li>
 *   <li>{@code FR-5}: an accepted PayPal order of the day before (2025-03-13 23:59:59);</li>
 *   <li>{@code FR-1} refunded (order slip) at 2025-03-14 23:00: 10.00 + 1.00 other cost + 2.00 shipping + 0.50 tax;</li>
 *   <li>{@code FR-5} refunded at 2025-03-14 08:00: 5.00 (a refund of the day of an order of the day before);</li>
 *   <li>{@code FR-3} refunded at 2025-03-14 14:00 (Afterpay: not a PayPal receivable);</li>
 *   <li>{@code FR-1} refunded again at 2025-03-15 00:00:00 (the next day).</li>
 * </ul>
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class ReceivableSourceContract {
    /** The site of the scenario. */
    protected static final Site FR = Sites.sample().named("fr-cupshe");
    /** 2025-03-14 00:00 in Asia/Shanghai. */
    protected static final Instant FROM = Instant.parse("2025-03-13T16:00:00Z");
    /** 2025-03-15 00:00 in Asia/Shanghai. */
    protected static final Instant UNTIL = Instant.parse("2025-03-14T16:00:00Z");

    /** A source holding the scenario above (local times in Asia/Shanghai). */
    protected abstract ReceivableSource sourceWithScenario();

    private static Instant shanghai(String localTime) {
        return java.time.LocalDateTime.parse(localTime).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static Receivable forward(String reference, long fen, String time) {
        return new Receivable(reference, Direction.FORWARD, Amount.ofMinor("EUR", fen), shanghai(time));
    }

    private static Receivable reverse(String reference, long fen, String time) {
        return new Receivable(reference, Direction.REVERSE, Amount.ofMinor("EUR", fen), shanghai(time));
    }

    private List<Receivable> read(Channel channel, Instant from, Instant until) {
        List<Receivable> found = new ArrayList<>();
        sourceWithScenario().read(channel, FR, from, until, found::add);
        return found;
    }

    @Test
    void theDaysPaypalReceivablesForwardAndReverseSortedByTime() {
        assertThat(read(Channel.PAYPAL, FROM, UNTIL)).containsExactly(
                reverse("FR-5", 500, "2025-03-14T08:00:00"),
                forward("FR-2", 2000, "2025-03-14T09:00:00"),
                forward("FR-1", 8990, "2025-03-14T10:00:00"),
                forward("FR-2", 500, "2025-03-14T11:00:00"),
                reverse("FR-1", 1350, "2025-03-14T23:00:00"));
    }

    @Test
    void theChannelIsAParameter() {
        assertThat(read(Channel.AFTERPAY, FROM, UNTIL)).containsExactly(
                forward("FR-3", 3000, "2025-03-14T12:00:00"),
                reverse("FR-3", 3000, "2025-03-14T14:00:00"));
    }

    @Test
    void theWindowIsAParameterAndHalfOpen() {
        assertThat(read(Channel.PAYPAL, UNTIL, UNTIL.plusSeconds(86_400))).containsExactly(
                reverse("FR-1", 1000, "2025-03-15T00:00:00"));
        assertThat(read(Channel.PAYPAL, FROM.minusSeconds(1), FROM)).containsExactly(
                forward("FR-5", 1000, "2025-03-13T23:59:59"));
    }

    @Test
    void anotherSiteHasNothing() {
        List<Receivable> found = new ArrayList<>();
        sourceWithScenario().read(Channel.PAYPAL, Sites.sample().named("es-cupshe"), FROM, UNTIL, found::add);
        assertThat(found).isEmpty();
    }
}
