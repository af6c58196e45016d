package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.money.Amount;
import io.settlekit.settlement.ReminderEntry;
import io.settlekit.settlement.ReminderKey;
import io.settlekit.settlement.ReminderStatus;
import io.settlekit.settlement.ReminderLog;
import io.settlekit.testkit.Concurrently;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ReminderLog}: one entry per (merchant, period, date); a claim succeeds once, and
 * again only after a recorded failure while attempts remain; of concurrent claims exactly one wins;
 * outcomes are recorded on claimed entries only; a send of unknown outcome is never claimed again, and is
 * settled (sent or failed) exactly once, by one of any number of concurrent callers; a claim older than a
 * given instant (past its lease) is taken over as unknown exactly once, keeping its attempts, and nothing
 * else is. An adapter's test extends this class and implements {@link #newLog()}.
 */
public abstract class ReminderLogContract {

    /** A new, empty log. */
    protected abstract ReminderLog newLog();

    private static final Instant T0 = Instant.parse("2017-10-08T01:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2017-10-08");
    private static final LocalDate PERIOD = LocalDate.parse("2017-09-05");
    private static final Amount DUE = Amount.ofMinor("CNY", 27_550);

    private ReminderLog log;

    @BeforeEach
    void freshLog() {
        log = newLog();
    }

    private static ReminderKey key(String merchant) {
        return new ReminderKey(merchant, PERIOD, DAY);
    }

    @Test
    void theFirstClaimWinsAndCreatesAClaimedEntry() {
        assertThat(log.find(key("1001"))).isEmpty();

        assertThat(log.claim(key("1001"), DUE, 3, T0)).isTrue();

        assertThat(log.find(key("1001"))).contains(
                new ReminderEntry(key("1001"), ReminderStatus.CLAIMED, 1, DUE, Optional.empty(), T0));
        assertThat(log.claim(key("1001"), DUE, 3, T0.plusSeconds(1))).as("claimed, no outcome yet").isFalse();
    }

    @Test
    void aSentEntryIsNeverClaimedAgain() {
        log.claim(key("1001"), DUE, 3, T0);
        log.markSent(key("1001"), "2433:3xc1", T0.plusSeconds(2));

        assertThat(log.claim(key("1001"), DUE, 3, T0.plusSeconds(3))).isFalse();
        assertThat(log.find(key("1001"))).contains(
                new ReminderEntry(key("1001"), ReminderStatus.SENT, 1, DUE, Optional.of("2433:3xc1"), T0.plusSeconds(2)));
    }

    @Test
    void aFailedEntryIsReclaimedWhileAttemptsRemain() {
        log.claim(key("1001"), DUE, 2, T0);
        log.markFailed(key("1001"), "provider_error: LimitExceeded", T0.plusSeconds(1));

        assertThat(log.find(key("1001")).orElseThrow().status()).isEqualTo(ReminderStatus.FAILED);
        assertThat(log.find(key("1001")).orElseThrow().detail()).contains("provider_error: LimitExceeded");
        Amount later = Amount.ofMinor("CNY", 30_000);
        assertThat(log.claim(key("1001"), later, 2, T0.plusSeconds(2))).isTrue();
        assertThat(log.find(key("1001"))).contains(
                new ReminderEntry(key("1001"), ReminderStatus.CLAIMED, 2, later, Optional.empty(), T0.plusSeconds(2)));

        log.markFailed(key("1001"), "again", T0.plusSeconds(3));
        assertThat(log.claim(key("1001"), later, 2, T0.plusSeconds(4))).as("two attempts used").isFalse();
        assertThat(log.claim(key("1001"), later, 3, T0.plusSeconds(4))).as("a higher limit allows a third").isTrue();
    }

    @Test
    void outcomesChangeOnlyClaimedEntries() {
        log.markSent(key("1001"), "ghost", T0);
        assertThat(log.find(key("1001"))).isEmpty();

        log.claim(key("1001"), DUE, 3, T0);
        log.markSent(key("1001"), "first", T0.plusSeconds(1));
        log.markFailed(key("1001"), "late failure", T0.plusSeconds(2));

        assertThat(log.find(key("1001")).orElseThrow().status()).isEqualTo(ReminderStatus.SENT);
        assertThat(log.find(key("1001")).orElseThrow().detail()).contains("first");
    }

    @Test
    void anUnknownEntryIsNeverClaimedAndIsSettledOnce() {
        log.markUnknown(key("1001"), "ghost", T0);
        assertThat(log.find(key("1001"))).as("only claimed entries change").isEmpty();
        assertThat(log.resolveUnknown(key("1001"), ReminderStatus.SENT, "ghost", T0)).isFalse();

        log.claim(key("1001"), DUE, 3, T0);
        log.markUnknown(key("1001"), "infrastructure: no answer", T0.plusSeconds(1));

        assertThat(log.find(key("1001"))).contains(new ReminderEntry(key("1001"), ReminderStatus.UNKNOWN, 1, DUE,
                Optional.of("infrastructure: no answer"), T0.plusSeconds(1)));
        assertThat(log.claim(key("1001"), DUE, 3, T0.plusSeconds(2))).as("unknown is not failed").isFalse();
        log.markSent(key("1001"), "late", T0.plusSeconds(2));
        log.markFailed(key("1001"), "late", T0.plusSeconds(2));
        assertThat(log.find(key("1001")).orElseThrow().status()).as("mark* change claimed entries only").isEqualTo(ReminderStatus.UNKNOWN);

        assertThat(log.resolveUnknown(key("1001"), ReminderStatus.SENT, "2433:3xc1", T0.plusSeconds(3))).isTrue();
        assertThat(log.resolveUnknown(key("1001"), ReminderStatus.FAILED, "again", T0.plusSeconds(4))).isFalse();
        assertThat(log.find(key("1001"))).contains(
                new ReminderEntry(key("1001"), ReminderStatus.SENT, 1, DUE, Optional.of("2433:3xc1"), T0.plusSeconds(3)));
    }

    @Test
    void anUnknownEntryFoundNotDeliveredIsReclaimedWithTheNextAttempt() {
        log.claim(key("1001"), DUE, 2, T0);
        log.markUnknown(key("1001"), "no answer", T0.plusSeconds(1));

        assertThat(log.resolveUnknown(key("1001"), ReminderStatus.FAILED, "not delivered", T0.plusSeconds(2))).isTrue();
        assertThat(log.find(key("1001")).orElseThrow().status()).isEqualTo(ReminderStatus.FAILED);
        assertThat(log.claim(key("1001"), DUE, 2, T0.plusSeconds(3))).isTrue();
        assertThat(log.find(key("1001")).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void ofConcurrentSettlementsOfAnUnknownEntryExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            ReminderKey key = key("78" + round);
            log.claim(key, DUE, 3, T0);
            log.markUnknown(key, "no answer", T0);

            List<Boolean> settled = Concurrently.call(8, () -> log.resolveUnknown(key, ReminderStatus.FAILED, "not delivered", T0));

            assertThat(settled).as("winners of round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void aClaimPastItsLeaseIsTakenOverAsUnknownOnceAndThenSettledLikeOne() {
        log.claim(key("1001"), DUE, 2, T0);

        assertThat(log.expireClaim(key("1001"), T0, "stale", T0.plusSeconds(60))).as("claimed at, not before, the bound").isFalse();
        assertThat(log.find(key("1001")).orElseThrow().status()).isEqualTo(ReminderStatus.CLAIMED);
        assertThat(log.expireClaim(key("1001"), T0.plusSeconds(1), "claimed at 01:00:00Z, no outcome within PT15M", T0.plusSeconds(900))).isTrue();

        assertThat(log.find(key("1001"))).contains(new ReminderEntry(key("1001"), ReminderStatus.UNKNOWN, 1, DUE,
                Optional.of("claimed at 01:00:00Z, no outcome within PT15M"), T0.plusSeconds(900)));
        assertThat(log.expireClaim(key("1001"), T0.plusSeconds(901), "again", T0.plusSeconds(901))).as("once").isFalse();
        assertThat(log.claim(key("1001"), DUE, 2, T0.plusSeconds(901))).as("unknown is not failed").isFalse();
        log.markSent(key("1001"), "the dead claimer, late", T0.plusSeconds(902));
        assertThat(log.find(key("1001")).orElseThrow().status()).as("a late outcome of the old claim changes nothing").isEqualTo(ReminderStatus.UNKNOWN);

        assertThat(log.resolveUnknown(key("1001"), ReminderStatus.FAILED, "not delivered", T0.plusSeconds(903))).isTrue();
        assertThat(log.claim(key("1001"), DUE, 2, T0.plusSeconds(904))).as("resent once").isTrue();
        assertThat(log.find(key("1001")).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void onlyClaimsAreTakenOver() {
        Instant later = T0.plus(java.time.Duration.ofDays(1));
        assertThat(log.expireClaim(key("1000"), later, "ghost", later)).isFalse();
        assertThat(log.find(key("1000"))).isEmpty();
        log.claim(key("1001"), DUE, 3, T0);
        log.markSent(key("1001"), "2433:3xc1", T0);
        log.claim(key("1002"), DUE, 3, T0);
        log.markFailed(key("1002"), "refused", T0);
        log.claim(key("1003"), DUE, 3, T0);
        log.markUnknown(key("1003"), "no answer", T0);

        for (String merchant : List.of("1001", "1002", "1003")) {
            ReminderEntry before = log.find(key(merchant)).orElseThrow();
            assertThat(log.expireClaim(key(merchant), later, "stale", later)).as("merchant %s", merchant).isFalse();
            assertThat(log.find(key(merchant))).contains(before);
        }
    }

    @Test
    void ofConcurrentTakeoversOfAStaleClaimExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            ReminderKey key = key("79" + round);
            log.claim(key, DUE, 3, T0);

            List<Boolean> taken = Concurrently.call(8, () -> log.expireClaim(key, T0.plusSeconds(900), "stale", T0.plusSeconds(900)));

            assertThat(taken).as("winners of round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void merchantPeriodAndDateEachMakeADifferentEntry() {
        assertThat(log.claim(key("1001"), DUE, 3, T0)).isTrue();
        assertThat(log.claim(key("1002"), DUE, 3, T0)).isTrue();
        assertThat(log.claim(new ReminderKey("1001", PERIOD.plusDays(1), DAY), DUE, 3, T0)).isTrue();
        assertThat(log.claim(new ReminderKey("1001", PERIOD, DAY.plusDays(1)), DUE, 3, T0)).isTrue();
        assertThat(log.claim(new ReminderKey("m-x' OR '1'='1", PERIOD, DAY), DUE, 3, T0)).isTrue();
        assertThat(log.claim(new ReminderKey("M-X' OR '1'='1", PERIOD, DAY), DUE, 3, T0)).as("ids are exact").isTrue();
    }

    @Test
    void listsEntriesBetweenTwoDatesInDateMerchantPeriodOrder() {
        log.claim(new ReminderKey("1002", PERIOD, DAY), DUE, 3, T0);
        log.claim(new ReminderKey("1001", PERIOD, DAY.plusDays(1)), DUE, 3, T0);
        log.claim(new ReminderKey("1001", PERIOD.plusDays(7), DAY), DUE, 3, T0);
        log.claim(new ReminderKey("1001", PERIOD, DAY), DUE, 3, T0);
        log.claim(new ReminderKey("1001", PERIOD, DAY.minusDays(1)), DUE, 3, T0);
        log.claim(new ReminderKey("1001", PERIOD, DAY.plusDays(2)), DUE, 3, T0);

        assertThat(log.entriesBetween(DAY, DAY.plusDays(1))).extracting(ReminderEntry::key).containsExactly(
                new ReminderKey("1001", PERIOD, DAY),
                new ReminderKey("1001", PERIOD.plusDays(7), DAY),
                new ReminderKey("1002", PERIOD, DAY),
                new ReminderKey("1001", PERIOD, DAY.plusDays(1)));
        assertThat(log.entriesBetween(DAY.plusDays(5), DAY.plusDays(9))).isEmpty();
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            ReminderKey key = key("77" + round);

            List<Boolean> claims = Concurrently.call(8, () -> log.claim(key, DUE, 3, T0));

            assertThat(claims).as("winners of round %d", round).containsOnlyOnce(true);
        }
    }
}
