package io.settlekit.billing.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;
import io.settlekit.billing.reminder.memory.InMemoryReminderLog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The reminder log's status rules, decided once in core for every store. */
class ReminderTransitionsTest {
    private static final Instant T0 = Instant.parse("2017-10-08T01:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final ReminderKey KEY = new ReminderKey("1001", LocalDate.parse("2017-09-05"), LocalDate.parse("2017-10-08"));
    private static final Amount DUE = Amount.ofMinor("CNY", 27_550);
    private static final Amount LATER = Amount.ofMinor("CNY", 30_000);

    private static ReminderEntry entry(ReminderStatus status, int attempts, String detail) {
        return new ReminderEntry(KEY, status, attempts, DUE, detail.isEmpty() ? Optional.empty() : Optional.of(detail), T0);
    }

    @Test
    void aFirstClaimIsClaimedWithAttemptOneAndARetryOfAFailureWithOneMoreAttemptAndTheNewAmount() {
        assertThat(ReminderTransitions.claimed(Optional.empty(), KEY, DUE, 3, T1))
                .contains(new ReminderEntry(KEY, ReminderStatus.CLAIMED, 1, DUE, Optional.empty(), T1));
        assertThat(ReminderTransitions.claimed(Optional.of(entry(ReminderStatus.FAILED, 2, "refused")), KEY, LATER, 3, T1))
                .contains(new ReminderEntry(KEY, ReminderStatus.CLAIMED, 3, LATER, Optional.empty(), T1));
    }

    @Test
    void nothingElseIsClaimed() {
        for (ReminderStatus status : List.of(ReminderStatus.CLAIMED, ReminderStatus.SENT, ReminderStatus.UNKNOWN)) {
            assertThat(ReminderTransitions.claimed(Optional.of(entry(status, 1, "x")), KEY, DUE, 3, T1)).as("%s", status).isEmpty();
        }
        assertThat(ReminderTransitions.claimed(Optional.of(entry(ReminderStatus.FAILED, 3, "x")), KEY, DUE, 3, T1))
                .as("attempts used up").isEmpty();
        assertThat(ReminderTransitions.claimed(Optional.of(entry(ReminderStatus.FAILED, 3, "x")), KEY, DUE, 4, T1))
                .as("a higher limit allows one more").map(ReminderEntry::attempts).contains(4);
    }

    @Test
    void aClaimedSendSettlesToEachOutcomeKeepingAttemptsAndAmount() {
        for (ReminderStatus outcome : List.of(ReminderStatus.SENT, ReminderStatus.FAILED, ReminderStatus.UNKNOWN)) {
            assertThat(ReminderTransitions.settled(entry(ReminderStatus.CLAIMED, 2, ""), outcome, "2433:3xc1", T1))
                    .contains(new ReminderEntry(KEY, outcome, 2, DUE, Optional.of("2433:3xc1"), T1));
        }
    }

    @Test
    void onlyAClaimSettles() {
        for (ReminderStatus status : List.of(ReminderStatus.SENT, ReminderStatus.FAILED, ReminderStatus.UNKNOWN)) {
            assertThat(ReminderTransitions.settled(entry(status, 1, "first"), ReminderStatus.SENT, "late", T1)).as("%s", status).isEmpty();
        }
        assertThatThrownBy(() -> ReminderTransitions.settled(entry(ReminderStatus.CLAIMED, 1, ""), ReminderStatus.CLAIMED, "x", T1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("outcome").hasMessageContaining("CLAIMED");
    }

    @Test
    void anUnknownSendResolvesToSentOrFailedOnly() {
        assertThat(ReminderTransitions.resolved(entry(ReminderStatus.UNKNOWN, 2, "no answer"), ReminderStatus.SENT, "2433:3xc1", T1))
                .contains(new ReminderEntry(KEY, ReminderStatus.SENT, 2, DUE, Optional.of("2433:3xc1"), T1));
        assertThat(ReminderTransitions.resolved(entry(ReminderStatus.UNKNOWN, 2, "no answer"), ReminderStatus.FAILED, "not delivered", T1))
                .contains(new ReminderEntry(KEY, ReminderStatus.FAILED, 2, DUE, Optional.of("not delivered"), T1));
        for (ReminderStatus status : List.of(ReminderStatus.CLAIMED, ReminderStatus.SENT, ReminderStatus.FAILED)) {
            assertThat(ReminderTransitions.resolved(entry(status, 1, "x"), ReminderStatus.SENT, "y", T1)).as("%s", status).isEmpty();
        }
        assertThatThrownBy(() -> ReminderTransitions.resolved(entry(ReminderStatus.UNKNOWN, 1, "x"), ReminderStatus.UNKNOWN, "y", T1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("outcome").hasMessageContaining("UNKNOWN");
    }

    @Test
    void aClaimStrictlyOlderThanTheBoundExpiresToUnknownKeepingItsAttempts() {
        assertThat(ReminderTransitions.expired(entry(ReminderStatus.CLAIMED, 2, ""), T0.plusSeconds(1), "stale", T1))
                .contains(new ReminderEntry(KEY, ReminderStatus.UNKNOWN, 2, DUE, Optional.of("stale"), T1));
        assertThat(ReminderTransitions.expired(entry(ReminderStatus.CLAIMED, 2, ""), T0, "stale", T1)).as("at the bound").isEmpty();
        for (ReminderStatus status : List.of(ReminderStatus.SENT, ReminderStatus.FAILED, ReminderStatus.UNKNOWN)) {
            assertThat(ReminderTransitions.expired(entry(status, 1, "x"), T1, "stale", T1)).as("%s", status).isEmpty();
        }
    }

    @Test
    void badArgumentsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ReminderTransitions.claimed(Optional.empty(), KEY, DUE, 0, T1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("max_attempts").hasMessageContaining("0");
        assertThatThrownBy(() -> ReminderTransitions.claimed(Optional.of(entry(ReminderStatus.FAILED, 1, "x")),
                new ReminderKey("1002", KEY.periodBegin(), KEY.reminderDate()), DUE, 3, T1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("key").hasMessageContaining("1002");
    }

    @Test
    void aWholeHistoryNeverRepeatsAVersion() {
        InMemoryReminderLog log = new InMemoryReminderLog();
        ReminderTransitions transitions = new ReminderTransitions(log);
        List<ReminderEntry> history = new ArrayList<>();
        Instant at = T0;
        ReminderEntry claim = transitions.claim(KEY, DUE, 3, at).orElseThrow();
        history.add(claim);
        assertThat(transitions.settle(claim, ReminderStatus.FAILED, "refused", at)).isTrue(); // same second: still a new version
        history.add(log.find(KEY).orElseThrow());
        claim = transitions.claim(KEY, DUE, 3, at).orElseThrow();
        history.add(claim);
        assertThat(transitions.settle(claim, ReminderStatus.UNKNOWN, "no answer", at)).isTrue();
        history.add(log.find(KEY).orElseThrow());
        assertThat(transitions.resolveUnknown(KEY, ReminderStatus.FAILED, "not delivered", at)).isTrue();
        history.add(log.find(KEY).orElseThrow());
        claim = transitions.claim(KEY, DUE, 3, at).orElseThrow();
        history.add(claim);
        assertThat(transitions.expireClaim(KEY, at.plusSeconds(1), "stale", at)).isPresent();
        history.add(log.find(KEY).orElseThrow());
        assertThat(transitions.resolveUnknown(KEY, ReminderStatus.SENT, "2433:3xc1", at)).isTrue();
        history.add(log.find(KEY).orElseThrow());

        assertThat(history).extracting(e -> e.status() + "/" + e.attempts()).containsExactly(
                "CLAIMED/1", "FAILED/1", "CLAIMED/2", "UNKNOWN/2", "FAILED/2", "CLAIMED/3", "UNKNOWN/3", "SENT/3");
        for (int i = 0; i < history.size(); i++) {
            for (int j = i + 1; j < history.size(); j++) {
                assertThat(history.get(i).sameVersion(history.get(j))).as("%s vs %s", i, j).isFalse();
            }
        }
        assertThat(transitions.claim(KEY, DUE, 9, at)).as("sent").isEmpty();
    }

    @Test
    void aLostRaceIsDecidedAgainOnTheEntryTheWinnerLeft() {
        InMemoryReminderLog store = new InMemoryReminderLog();
        store.insert(entry(ReminderStatus.FAILED, 1, "refused"));
        // another node re-claims and fails again between this caller's read and its compare-and-set
        ReminderLog racing = new RacingLog(store, () -> {
            ReminderEntry failed = store.find(KEY).orElseThrow();
            ReminderEntry theirs = new ReminderEntry(KEY, ReminderStatus.CLAIMED, 2, DUE, Optional.empty(), T0.plusSeconds(1));
            store.replace(failed, theirs);
            store.replace(theirs, new ReminderEntry(KEY, ReminderStatus.FAILED, 2, DUE, Optional.of("again"), T0.plusSeconds(2)));
        });

        Optional<ReminderEntry> mine = new ReminderTransitions(racing).claim(KEY, LATER, 3, T1);

        assertThat(mine).contains(new ReminderEntry(KEY, ReminderStatus.CLAIMED, 3, LATER, Optional.empty(), T1));
        assertThat(store.find(KEY)).isEqualTo(mine);
    }

    @Test
    void aLostRaceToARivalsClaimLeavesTheSendToTheRival() {
        InMemoryReminderLog store = new InMemoryReminderLog();
        ReminderEntry theirs = new ReminderEntry(KEY, ReminderStatus.CLAIMED, 1, DUE, Optional.empty(), T0);
        ReminderLog racing = new RacingLog(store, () -> store.insert(theirs));

        assertThat(new ReminderTransitions(racing).claim(KEY, DUE, 3, T1)).isEmpty();
        assertThat(store.find(KEY)).contains(theirs);
    }

    @Test
    void anOutcomeOfAClaimTakenOverIsNotRecorded() {
        InMemoryReminderLog log = new InMemoryReminderLog();
        ReminderTransitions transitions = new ReminderTransitions(log);
        ReminderEntry claim = transitions.claim(KEY, DUE, 3, T0).orElseThrow();
        ReminderEntry unknown = transitions.expireClaim(KEY, T1, "stale", T1).orElseThrow();

        assertThat(transitions.settle(claim, ReminderStatus.SENT, "late", T1.plusSeconds(1))).isFalse();
        assertThat(log.find(KEY)).contains(unknown);
        assertThat(transitions.resolveUnknown(new ReminderKey("1002", KEY.periodBegin(), KEY.reminderDate()), ReminderStatus.SENT, "x", T1))
                .as("no entry").isFalse();
    }

    @Test
    void aClaimDecidedOnAnEarlierReadCostsNoReadForANewKeyAndStillGetsTheStoresAnswer() {
        InMemoryReminderLog store = new InMemoryReminderLog();
        CountingLog counting = new CountingLog(store);
        ReminderTransitions transitions = new ReminderTransitions(counting);

        assertThat(transitions.claim(Optional.empty(), KEY, DUE, 3, T0)).map(ReminderEntry::attempts).contains(1);
        assertThat(counting.reads).as("a new key: one insert, no read").isZero();

        // read while in flight, failed since: the refusal on the old read is checked on a fresh one
        ReminderEntry inFlight = store.find(KEY).orElseThrow();
        new ReminderTransitions(store).settle(inFlight, ReminderStatus.FAILED, "refused", T0);
        assertThat(transitions.claim(Optional.of(inFlight), KEY, LATER, 3, T1))
                .contains(new ReminderEntry(KEY, ReminderStatus.CLAIMED, 2, LATER, Optional.empty(), T1));

        // read as absent, claimed since: the insert loses, the fresh read refuses
        ReminderKey other = new ReminderKey("1002", KEY.periodBegin(), KEY.reminderDate());
        ReminderEntry theirs = new ReminderEntry(other, ReminderStatus.CLAIMED, 1, DUE, Optional.empty(), T0);
        store.insert(theirs);
        assertThat(transitions.claim(Optional.empty(), other, DUE, 3, T1)).isEmpty();
        assertThat(store.find(other)).contains(theirs);
    }

    /** The log, counting its reads. */
    private static final class CountingLog implements ReminderLog {
        private final ReminderLog store;
        private int reads;

        CountingLog(ReminderLog store) {
            this.store = store;
        }

        @Override
        public boolean insert(ReminderEntry entry) {
            return store.insert(entry);
        }

        @Override
        public boolean replace(ReminderEntry expected, ReminderEntry updated) {
            return store.replace(expected, updated);
        }

        @Override
        public Optional<ReminderEntry> find(ReminderKey key) {
            reads++;
            return store.find(key);
        }

        @Override
        public List<ReminderEntry> entriesBetween(LocalDate from, LocalDate to) {
            return store.entriesBetween(from, to);
        }
    }

    /** A log whose first write is preceded by another caller's writes (run once, right after this caller's read). */
    private static final class RacingLog implements ReminderLog {
        private final ReminderLog store;
        private Runnable rival;

        RacingLog(ReminderLog store, Runnable rival) {
            this.store = store;
            this.rival = rival;
        }

        private void race() {
            if (rival != null) {
                Runnable once = rival;
                rival = null;
                once.run();
            }
        }

        @Override
        public boolean insert(ReminderEntry entry) {
            race();
            return store.insert(entry);
        }

        @Override
        public boolean replace(ReminderEntry expected, ReminderEntry updated) {
            race();
            return store.replace(expected, updated);
        }

        @Override
        public Optional<ReminderEntry> find(ReminderKey key) {
            return store.find(key);
        }

        @Override
        public List<ReminderEntry> entriesBetween(LocalDate from, LocalDate to) {
            return store.entriesBetween(from, to);
        }
    }
}
