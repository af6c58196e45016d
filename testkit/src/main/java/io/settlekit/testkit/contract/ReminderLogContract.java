package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;
import io.settlekit.billing.reminder.ReminderEntry;
import io.settlekit.billing.reminder.ReminderKey;
import io.settlekit.billing.reminder.ReminderStatus;
import io.settlekit.billing.reminder.ReminderLog;
import io.settlekit.billing.reminder.ReminderTransitions;
import io.settlekit.testkit.Concurrently;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ReminderLog}, a store that only stores and reads: one entry per (merchant,
 * period, date); {@link ReminderLog#insert} stores an entry only under a new key, and of concurrent inserts
 * exactly one wins; {@link ReminderLog#replace} changes an entry only while it is still the expected
 * version (status, attempts, update time), leaves it unchanged otherwise, and of concurrent replaces of
 * one version exactly one wins; entries read back exactly as stored, listed by date, merchant and period.
 * Then the status rules of {@link ReminderTransitions} applied to this store: a claim succeeds once, and
 * again only after a recorded failure while attempts remain; of concurrent claims exactly one wins; outcomes
 * are recorded on the caller's claim only; a send of unknown outcome is never claimed again and is settled
 * exactly once; a claim past its lease is taken over as unknown exactly once. An adapter's test extends
 * this class and implements {@link #newLog()}.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method (its concurrency tests start their own threads).
 */
public abstract class ReminderLogContract {

    /** A new, empty log. */
    protected abstract ReminderLog newLog();

    private static final Instant T0 = Instant.parse("2017-10-08T01:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2017-10-08");
    private static final LocalDate PERIOD = LocalDate.parse("2017-09-05");
    private static final Amount DUE = Amount.ofMinor("CNY", 27_550);

    private ReminderLog log;
    private ReminderTransitions transitions;

    @BeforeEach
    void freshLog() {
        log = newLog();
        transitions = new ReminderTransitions(log);
    }

    private static ReminderKey key(String merchant) {
        return new ReminderKey(merchant, PERIOD, DAY);
    }

    private static ReminderEntry entry(String merchant, ReminderStatus status, int attempts, Optional<String> detail, Instant at) {
        return new ReminderEntry(key(merchant), status, attempts, DUE, detail, at);
    }

    // ---- the storage promises ----

    @Test
    void anInsertStoresAnEntryUnderANewKeyOnlyAndReadsItBackExactly() {
        ReminderEntry claimed = entry("1001", ReminderStatus.CLAIMED, 1, Optional.empty(), T0);
        ReminderEntry other = entry("1001", ReminderStatus.SENT, 4, Optional.of("2433:3xc1"), T0.plusSeconds(5));
        assertThat(log.find(key("1001"))).isEmpty();

        assertThat(log.insert(claimed)).isTrue();
        assertThat(log.insert(other)).as("the key exists").isFalse();

        assertThat(log.find(key("1001"))).contains(claimed);
        ReminderEntry unknown = new ReminderEntry(key("1002"), ReminderStatus.UNKNOWN, 3, Amount.ofMinor("USD", 1),
                Optional.of("infrastructure: no answer"), T0.plusSeconds(7));
        assertThat(log.insert(unknown)).isTrue();
        assertThat(log.find(key("1002"))).contains(unknown);
    }

    @Test
    void aReplaceChangesTheExpectedVersionOnly() {
        ReminderEntry claimed = entry("1001", ReminderStatus.CLAIMED, 1, Optional.empty(), T0);
        ReminderEntry sent = entry("1001", ReminderStatus.SENT, 1, Optional.of("2433:3xc1"), T0.plusSeconds(2));
        ReminderEntry failed = entry("1001", ReminderStatus.FAILED, 1, Optional.of("late"), T0.plusSeconds(3));
        assertThat(log.replace(claimed, sent)).as("no entry").isFalse();
        assertThat(log.find(key("1001"))).isEmpty();
        log.insert(claimed);

        assertThat(log.replace(claimed, sent)).isTrue();
        assertThat(log.find(key("1001"))).contains(sent);

        assertThat(log.replace(claimed, failed)).as("the claim is gone").isFalse();
        assertThat(log.find(key("1001"))).contains(sent);
    }

    @Test
    void aReplaceComparesStatusAttemptsAndUpdateTime() {
        ReminderEntry stored = entry("1001", ReminderStatus.FAILED, 2, Optional.of("refused"), T0);
        ReminderEntry updated = entry("1001", ReminderStatus.CLAIMED, 3, Optional.empty(), T0.plusSeconds(9));
        log.insert(stored);

        assertThat(log.replace(entry("1001", ReminderStatus.UNKNOWN, 2, Optional.of("refused"), T0), updated)).as("status").isFalse();
        assertThat(log.replace(entry("1001", ReminderStatus.FAILED, 1, Optional.of("refused"), T0), updated)).as("attempts").isFalse();
        assertThat(log.replace(entry("1001", ReminderStatus.FAILED, 2, Optional.of("refused"), T0.plusSeconds(1)), updated)).as("time").isFalse();
        assertThat(log.replace(new ReminderEntry(key("1002"), ReminderStatus.FAILED, 2, DUE, Optional.of("refused"), T0),
                new ReminderEntry(key("1002"), ReminderStatus.CLAIMED, 3, DUE, Optional.empty(), T0))).as("key").isFalse();
        assertThat(log.find(key("1001"))).contains(stored);

        assertThat(log.replace(entry("1001", ReminderStatus.FAILED, 2, Optional.of("another text"), T0), updated))
                .as("the detail is not part of the version").isTrue();
        assertThat(log.find(key("1001"))).contains(updated);
    }

    @Test
    void aReplaceIntoAnotherKeyIsRefusedAndChangesNothing() {
        ReminderEntry stored = entry("1001", ReminderStatus.CLAIMED, 1, Optional.empty(), T0);
        log.insert(stored);

        assertThatThrownBy(() -> log.replace(stored, new ReminderEntry(key("1002"), ReminderStatus.SENT, 1, DUE, Optional.of("x"), T0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("key").hasMessageContaining("1002");

        assertThat(log.find(key("1001"))).contains(stored);
        assertThat(log.find(key("1002"))).isEmpty();
    }

    @Test
    void ofConcurrentInsertsOfOneKeyExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            ReminderKey key = key("76" + round);

            List<Boolean> inserts = Concurrently.call(8, () -> log.insert(new ReminderEntry(key, ReminderStatus.CLAIMED, 1, DUE, Optional.empty(), T0)));

            assertThat(inserts).as("winners of round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void ofConcurrentReplacesOfOneVersionExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            ReminderKey key = key("75" + round);
            ReminderEntry claimed = new ReminderEntry(key, ReminderStatus.CLAIMED, 1, DUE, Optional.empty(), T0);
            log.insert(claimed);
            java.util.concurrent.atomic.AtomicInteger caller = new java.util.concurrent.atomic.AtomicInteger();

            List<Boolean> replaces = Concurrently.call(8, () -> log.replace(claimed,
                    new ReminderEntry(key, ReminderStatus.SENT, 1, DUE, Optional.of("caller " + caller.incrementAndGet()), T0.plusSeconds(1))));

            assertThat(replaces).as("winners of round %d", round).containsOnlyOnce(true);
            assertThat(log.find(key).orElseThrow().status()).isEqualTo(ReminderStatus.SENT);
        }
    }

    // ---- the status rules of ReminderTransitions over this store ----

    /** Claims through the rules; true when this caller owns the send. */
    private boolean claim(ReminderKey key, Amount due, int maxAttempts, Instant at) {
        return transitions.claim(key, due, maxAttempts, at).isPresent();
    }

    /** Records an outcome against the stored entry, as its claimer would. */
    private void markSent(ReminderKey key, String reference, Instant at) {
        log.find(key).ifPresent(current -> transitions.settle(current, ReminderStatus.SENT, reference, at));
    }

    private void markFailed(ReminderKey key, String reason, Instant at) {
        log.find(key).ifPresent(current -> transitions.settle(current, ReminderStatus.FAILED, reason, at));
    }

    private void markUnknown(ReminderKey key, String reason, Instant at) {
        log.find(key).ifPresent(current -> transitions.settle(current, ReminderStatus.UNKNOWN, reason, at));
    }

    private boolean expired(ReminderKey key, Instant claimedBefore, String reason, Instant at) {
        return transitions.expireClaim(key, claimedBefore, reason, at).isPresent();
    }

    @Test
    void theFirstClaimWinsAndCreatesAClaimedEntry() {
        assertThat(log.find(key("1001"))).isEmpty();

        assertThat(claim(key("1001"), DUE, 3, T0)).isTrue();

        assertThat(log.find(key("1001"))).contains(
                new ReminderEntry(key("1001"), ReminderStatus.CLAIMED, 1, DUE, Optional.empty(), T0));
        assertThat(claim(key("1001"), DUE, 3, T0.plusSeconds(1))).as("claimed, no outcome yet").isFalse();
    }

    @Test
    void aSentEntryIsNeverClaimedAgain() {
        claim(key("1001"), DUE, 3, T0);
        markSent(key("1001"), "2433:3xc1", T0.plusSeconds(2));

        assertThat(claim(key("1001"), DUE, 3, T0.plusSeconds(3))).isFalse();
        assertThat(log.find(key("1001"))).contains(
                new ReminderEntry(key("1001"), ReminderStatus.SENT, 1, DUE, Optional.of("2433:3xc1"), T0.plusSeconds(2)));
    }

    @Test
    void aFailedEntryIsReclaimedWhileAttemptsRemain() {
        claim(key("1001"), DUE, 2, T0);
        markFailed(key("1001"), "provider_error: LimitExceeded", T0.plusSeconds(1));

        assertThat(log.find(key("1001")).orElseThrow().status()).isEqualTo(ReminderStatus.FAILED);
        assertThat(log.find(key("1001")).orElseThrow().detail()).contains("provider_error: LimitExceeded");
        Amount later = Amount.ofMinor("CNY", 30_000);
        assertThat(claim(key("1001"), later, 2, T0.plusSeconds(2))).isTrue();
        assertThat(log.find(key("1001"))).contains(
                new ReminderEntry(key("1001"), ReminderStatus.CLAIMED, 2, later, Optional.empty(), T0.plusSeconds(2)));

        markFailed(key("1001"), "again", T0.plusSeconds(3));
        assertThat(claim(key("1001"), later, 2, T0.plusSeconds(4))).as("two attempts used").isFalse();
        assertThat(claim(key("1001"), later, 3, T0.plusSeconds(4))).as("a higher limit allows a third").isTrue();
    }

    @Test
    void outcomesChangeOnlyClaimedEntries() {
        markSent(key("1001"), "ghost", T0);
        assertThat(log.find(key("1001"))).isEmpty();

        claim(key("1001"), DUE, 3, T0);
        markSent(key("1001"), "first", T0.plusSeconds(1));
        markFailed(key("1001"), "late failure", T0.plusSeconds(2));

        assertThat(log.find(key("1001")).orElseThrow().status()).isEqualTo(ReminderStatus.SENT);
        assertThat(log.find(key("1001")).orElseThrow().detail()).contains("first");
    }

    @Test
    void anUnknownEntryIsNeverClaimedAndIsSettledOnce() {
        markUnknown(key("1001"), "ghost", T0);
        assertThat(log.find(key("1001"))).as("only claimed entries change").isEmpty();
        assertThat(transitions.resolveUnknown(key("1001"), ReminderStatus.SENT, "ghost", T0)).isFalse();

        claim(key("1001"), DUE, 3, T0);
        markUnknown(key("1001"), "infrastructure: no answer", T0.plusSeconds(1));

        assertThat(log.find(key("1001"))).contains(new ReminderEntry(key("1001"), ReminderStatus.UNKNOWN, 1, DUE,
                Optional.of("infrastructure: no answer"), T0.plusSeconds(1)));
        assertThat(claim(key("1001"), DUE, 3, T0.plusSeconds(2))).as("unknown is not failed").isFalse();
        markSent(key("1001"), "late", T0.plusSeconds(2));
        markFailed(key("1001"), "late", T0.plusSeconds(2));
        assertThat(log.find(key("1001")).orElseThrow().status()).as("mark* change claimed entries only").isEqualTo(ReminderStatus.UNKNOWN);

        assertThat(transitions.resolveUnknown(key("1001"), ReminderStatus.SENT, "2433:3xc1", T0.plusSeconds(3))).isTrue();
        assertThat(transitions.resolveUnknown(key("1001"), ReminderStatus.FAILED, "again", T0.plusSeconds(4))).isFalse();
        assertThat(log.find(key("1001"))).contains(
                new ReminderEntry(key("1001"), ReminderStatus.SENT, 1, DUE, Optional.of("2433:3xc1"), T0.plusSeconds(3)));
    }

    @Test
    void anUnknownEntryFoundNotDeliveredIsReclaimedWithTheNextAttempt() {
        claim(key("1001"), DUE, 2, T0);
        markUnknown(key("1001"), "no answer", T0.plusSeconds(1));

        assertThat(transitions.resolveUnknown(key("1001"), ReminderStatus.FAILED, "not delivered", T0.plusSeconds(2))).isTrue();
        assertThat(log.find(key("1001")).orElseThrow().status()).isEqualTo(ReminderStatus.FAILED);
        assertThat(claim(key("1001"), DUE, 2, T0.plusSeconds(3))).isTrue();
        assertThat(log.find(key("1001")).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void ofConcurrentSettlementsOfAnUnknownEntryExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            ReminderKey key = key("78" + round);
            claim(key, DUE, 3, T0);
            markUnknown(key, "no answer", T0);

            List<Boolean> settled = Concurrently.call(8, () -> transitions.resolveUnknown(key, ReminderStatus.FAILED, "not delivered", T0));

            assertThat(settled).as("winners of round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void aClaimPastItsLeaseIsTakenOverAsUnknownOnceAndThenSettledLikeOne() {
        claim(key("1001"), DUE, 2, T0);
        ReminderEntry deadClaim = log.find(key("1001")).orElseThrow();

        assertThat(expired(key("1001"), T0, "stale", T0.plusSeconds(60))).as("claimed at, not before, the bound").isFalse();
        assertThat(log.find(key("1001")).orElseThrow().status()).isEqualTo(ReminderStatus.CLAIMED);
        assertThat(expired(key("1001"), T0.plusSeconds(1), "claimed at 01:00:00Z, no outcome within PT15M", T0.plusSeconds(900))).isTrue();

        assertThat(log.find(key("1001"))).contains(new ReminderEntry(key("1001"), ReminderStatus.UNKNOWN, 1, DUE,
                Optional.of("claimed at 01:00:00Z, no outcome within PT15M"), T0.plusSeconds(900)));
        assertThat(expired(key("1001"), T0.plusSeconds(901), "again", T0.plusSeconds(901))).as("once").isFalse();
        assertThat(claim(key("1001"), DUE, 2, T0.plusSeconds(901))).as("unknown is not failed").isFalse();
        assertThat(transitions.settle(deadClaim, ReminderStatus.SENT, "the dead claimer, late", T0.plusSeconds(902))).isFalse();
        assertThat(log.find(key("1001")).orElseThrow().status()).as("a late outcome of the old claim changes nothing").isEqualTo(ReminderStatus.UNKNOWN);

        assertThat(transitions.resolveUnknown(key("1001"), ReminderStatus.FAILED, "not delivered", T0.plusSeconds(903))).isTrue();
        assertThat(claim(key("1001"), DUE, 2, T0.plusSeconds(904))).as("resent once").isTrue();
        assertThat(log.find(key("1001")).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void onlyClaimsAreTakenOver() {
        Instant later = T0.plus(java.time.Duration.ofDays(1));
        assertThat(expired(key("1000"), later, "ghost", later)).isFalse();
        assertThat(log.find(key("1000"))).isEmpty();
        claim(key("1001"), DUE, 3, T0);
        markSent(key("1001"), "2433:3xc1", T0);
        claim(key("1002"), DUE, 3, T0);
        markFailed(key("1002"), "refused", T0);
        claim(key("1003"), DUE, 3, T0);
        markUnknown(key("1003"), "no answer", T0);

        for (String merchant : List.of("1001", "1002", "1003")) {
            ReminderEntry before = log.find(key(merchant)).orElseThrow();
            assertThat(expired(key(merchant), later, "stale", later)).as("merchant %s", merchant).isFalse();
            assertThat(log.find(key(merchant))).contains(before);
        }
    }

    @Test
    void ofConcurrentTakeoversOfAStaleClaimExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            ReminderKey key = key("79" + round);
            claim(key, DUE, 3, T0);

            List<Boolean> taken = Concurrently.call(8, () -> expired(key, T0.plusSeconds(900), "stale", T0.plusSeconds(900)));

            assertThat(taken).as("winners of round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void merchantPeriodAndDateEachMakeADifferentEntry() {
        assertThat(claim(key("1001"), DUE, 3, T0)).isTrue();
        assertThat(claim(key("1002"), DUE, 3, T0)).isTrue();
        assertThat(claim(new ReminderKey("1001", PERIOD.plusDays(1), DAY), DUE, 3, T0)).isTrue();
        assertThat(claim(new ReminderKey("1001", PERIOD, DAY.plusDays(1)), DUE, 3, T0)).isTrue();
        assertThat(claim(new ReminderKey("m-x' OR '1'='1", PERIOD, DAY), DUE, 3, T0)).isTrue();
        assertThat(claim(new ReminderKey("M-X' OR '1'='1", PERIOD, DAY), DUE, 3, T0)).as("ids are exact").isTrue();
    }

    @Test
    void listsEntriesBetweenTwoDatesInDateMerchantPeriodOrder() {
        claim(new ReminderKey("1002", PERIOD, DAY), DUE, 3, T0);
        claim(new ReminderKey("1001", PERIOD, DAY.plusDays(1)), DUE, 3, T0);
        claim(new ReminderKey("1001", PERIOD.plusDays(7), DAY), DUE, 3, T0);
        claim(new ReminderKey("1001", PERIOD, DAY), DUE, 3, T0);
        claim(new ReminderKey("1001", PERIOD, DAY.minusDays(1)), DUE, 3, T0);
        claim(new ReminderKey("1001", PERIOD, DAY.plusDays(2)), DUE, 3, T0);

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

            List<Boolean> claims = Concurrently.call(8, () -> claim(key, DUE, 3, T0));

            assertThat(claims).as("winners of round %d", round).containsOnlyOnce(true);
        }
    }
}
