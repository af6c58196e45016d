package io.settlekit.billing.reminder;

import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.LedgerRows;
import io.settlekit.billing.MerchantLedger;
import io.settlekit.billing.Plan;
import io.settlekit.billing.SettleRemind;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.base.InfrastructureException;
import io.settlekit.Settlekit;
import io.settlekit.job.JobResult;
import io.settlekit.job.RunMode;
import io.settlekit.access.Actor;
import io.settlekit.money.Amount;
import io.settlekit.billing.memory.InMemoryMerchantLedger;
import io.settlekit.billing.memory.InMemoryPlanStore;
import io.settlekit.billing.reminder.memory.InMemoryReminderLog;
import io.settlekit.billing.reminder.memory.InMemoryReminderNotifier;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The daily reminder job on in-memory adapters: who is due, duplicates, failures, retries, counts and cost. */
class ReminderJobTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate REMIND_DAY = LocalDate.parse("2017-10-08"); // monthly 5/10, remind 2 days before 10-10
    private static final Actor ADMIN = Actor.admin("root");

    private final InMemoryPlanStore plans = new InMemoryPlanStore();
    private final InMemoryMerchantLedger ledger = new InMemoryMerchantLedger();
    private final InMemoryReminderLog log = new InMemoryReminderLog();
    private final InMemoryReminderNotifier notifier = new InMemoryReminderNotifier();
    private final List<ReminderOutcome> heard = new ArrayList<>();

    private Settlekit kit(ReminderNotifier channel, ReminderSettings settings) {
        return Settlekit.embedded()
                .clock(Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), SHANGHAI))
                .planStore(plans).merchantLedger(ledger).reminderLog(log).reminderNotifier(channel)
                .reminderSettings(settings)
                .reminderListener(new ReminderJobListener() {
                    @Override
                    public void onOutcome(ReminderOutcome outcome) {
                        heard.add(outcome);
                    }
                })
                .build();
    }

    private Settlekit kit() {
        return kit(notifier, ReminderSettings.defaults());
    }

    /** A merchant on monthly 5/10 with a reminder {@code remindDays} before, owing {@code unpaid} fen of September. */
    private void merchant(String id, int remindDays, long unpaid) {
        kit().billingPlans().save(ADMIN, id,
                new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.daysBefore(remindDays)));
        ledger.put(new MerchantAccount(id, "商户" + id, "CNY", Optional.of("+861380013" + id)));
        ledger.record(id, LedgerOrder.of("PL" + id, LocalDate.parse("2017-09-20"), "CNY", 1_000, 1_000 - unpaid, 10));
    }

    @Test
    void sendsOneMessageToEveryMerchantDueTodayWhoOwesMoney() {
        merchant("1001", 2, 275);
        merchant("1002", 2, 0);        // paid up: not due
        merchant("1003", 3, 500);      // reminder on 10-07: not today
        merchant("1004", 2, 100);
        kit().billingPlans().save(ADMIN, "1005", new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.OFF));
        ledger.put(new MerchantAccount("1005", "商户1005", "CNY", Optional.empty()));

        ReminderRunReport report = kit().reminderJob().run(REMIND_DAY);

        assertThat(report.due()).isEqualTo(2);
        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.skipped()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(report.estimatedCost()).isEqualByComparingTo("0.090");
        assertThat(report.estimatedCostAmount().getCurrency().getCurrencyCode()).isEqualTo("CNY");
        assertThat(notifier.sent()).extracting(m -> m.key().merchantId()).containsExactly("1001", "1004");
        ReminderMessage first = notifier.sent().get(0);
        assertThat(first.amountDue()).isEqualTo(Amount.ofMinor("CNY", 275));
        assertThat(first.text()).isEqualTo("【结算提醒】商户1001您好,您2017-09-05至2017-10-04账期待结算金额2.75CNY,请于2017-10-10前完成结算。");
        assertThat(first.key()).isEqualTo(new ReminderKey("1001", LocalDate.parse("2017-09-05"), REMIND_DAY));
        assertThat(log.find(first.key()).orElseThrow().status()).isEqualTo(ReminderStatus.SENT);
        assertThat(log.find(first.key()).orElseThrow().detail()).contains("mem-1");
        assertThat(heard).hasSize(2);
    }

    @Test
    void aRerunSendsNothingTwice() {
        merchant("1001", 2, 275);
        merchant("1004", 2, 100);
        kit().reminderJob().run(REMIND_DAY);

        ReminderRunReport rerun = kit().reminderJob().run(REMIND_DAY);

        assertThat(rerun.due()).isEqualTo(2);
        assertThat(rerun.sent()).isZero();
        assertThat(rerun.skipped()).isEqualTo(2);
        assertThat(rerun.estimatedCost()).isEqualByComparingTo("0");
        assertThat(notifier.sent()).hasSize(2);
    }

    @Test
    void aFailedSendIsRecordedWithItsReasonAndRetriedOnTheNextRun() {
        merchant("1001", 2, 275);
        merchant("1004", 2, 100);
        notifier.failFor("1004");

        ReminderRunReport first = kit().reminderJob().run(REMIND_DAY);
        ReminderKey key = new ReminderKey("1004", LocalDate.parse("2017-09-05"), REMIND_DAY);

        assertThat(first.sent()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        ReminderEntry failed = log.find(key).orElseThrow();
        assertThat(failed.status()).isEqualTo(ReminderStatus.FAILED);
        assertThat(failed.detail().orElseThrow()).contains("provider_error").contains("Simulated.Failure");
        assertThat(first.outcomes()).filteredOn(o -> o.result() == ReminderOutcome.Result.FAILED)
                .singleElement().satisfies(o -> assertThat(o.detail()).contains("Simulated.Failure"));

        notifier.recover();
        ReminderRunReport nextDay = kit().reminderJob().run(REMIND_DAY.plusDays(1));

        assertThat(nextDay.sent()).as("the next day's run retries the failed send of the same period").isEqualTo(1);
        assertThat(nextDay.outcomes()).singleElement().satisfies(o -> assertThat(o.key()).isEqualTo(key));
        assertThat(log.find(key).orElseThrow().status()).isEqualTo(ReminderStatus.SENT);
        assertThat(log.find(key).orElseThrow().attempts()).isEqualTo(2);
        assertThat(notifier.sent()).extracting(m -> m.key().merchantId()).containsExactly("1001", "1004");
        assertThat(kit().reminderJob().run(REMIND_DAY.plusDays(2)).due()).isZero();
    }

    @Test
    void throughTheJobRunnerAFailedSendLeavesTheDateOpenUntilARetrySucceeds() {
        merchant("1001", 2, 275);
        merchant("1004", 2, 100);
        notifier.failFor("1004");
        Settlekit kit = kit();

        JobResult<ReminderRunReport> first = kit.jobRunner().run(kit.reminderJob(), REMIND_DAY, RunMode.ONCE_PER_DATE);
        notifier.recover();
        JobResult<ReminderRunReport> retry = kit.jobRunner().run(kit.reminderJob(), REMIND_DAY, RunMode.ONCE_PER_DATE);
        JobResult<ReminderRunReport> again = kit.jobRunner().run(kit.reminderJob(), REMIND_DAY, RunMode.ONCE_PER_DATE);

        assertThat(first.status()).isEqualTo(JobResult.Status.RAN_UNFINISHED);
        assertThat(retry.status()).isEqualTo(JobResult.Status.RAN);
        assertThat(retry.result().orElseThrow().sent()).as("only the failed send is retried").isEqualTo(1);
        assertThat(retry.completion().orElseThrow().detail()).startsWith("due 2, sent 1, skipped 1, failed 0");
        assertThat(again.status()).isEqualTo(JobResult.Status.ALREADY_DONE);
        assertThat(notifier.sent()).extracting(m -> m.key().merchantId()).containsExactly("1001", "1004");
    }

    @Test
    void aRerunOnTheSameDayRetriesFailuresUntilTheAttemptsAreUsedUp() {
        merchant("1004", 2, 100);
        notifier.failFor("1004");
        Settlekit twoAttempts = kit(notifier, ReminderSettings.defaults().withMaxAttempts(2));

        assertThat(twoAttempts.reminderJob().run(REMIND_DAY).failed()).isEqualTo(1);
        assertThat(twoAttempts.reminderJob().run(REMIND_DAY).failed()).isEqualTo(1);
        ReminderRunReport third = twoAttempts.reminderJob().run(REMIND_DAY);

        assertThat(third.skipped()).as("out of attempts").isEqualTo(1);
        assertThat(log.find(new ReminderKey("1004", LocalDate.parse("2017-09-05"), REMIND_DAY)).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aFailedSendIsNotRetriedOnceItsPeriodIsSettled() {
        merchant("1004", 2, 100);
        notifier.failFor("1004");
        kit().reminderJob().run(REMIND_DAY);
        notifier.recover();

        assertThat(kit().reminderJob().run(LocalDate.parse("2017-10-11")).due()).isZero();
        assertThat(notifier.sent()).isEmpty();
    }

    @Test
    void aClaimWhoseOutcomeWasNeverRecordedIsNotResentWithoutTheNotifiersWord() {
        merchant("1001", 2, 275);
        ReminderKey key = new ReminderKey("1001", LocalDate.parse("2017-09-05"), REMIND_DAY);
        new ReminderTransitions(log).claim(key, Amount.ofMinor("CNY", 275), 3, Instant.parse("2017-10-08T00:00:00Z")); // a run that crashed mid-send

        ReminderRunReport report = kit().reminderJob().run(REMIND_DAY);

        // past its lease, and this notifier cannot check: for an operator, not a silent duplicate
        assertThat(report.skipped()).isZero();
        assertThat(report.unconfirmed()).isEqualTo(1);
        assertThat(report.staleClaims()).isEqualTo(1);
        assertThat(notifier.sent()).isEmpty();
    }

    @Test
    void ledgerProblemsFailOneMerchantNotTheRun() {
        merchant("1001", 2, 275);
        kit().billingPlans().save(ADMIN, "1006",
                new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.daysBefore(2)));  // not in the ledger
        merchant("1007", 2, 100);
        ledger.record("1007", LedgerOrder.of("HK7", LocalDate.parse("2017-09-21"), "HKD", 100, 0, 10));   // wrong currency

        ReminderRunReport report = kit().reminderJob().run(REMIND_DAY);

        assertThat(report.sent()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.outcomes()).extracting(ReminderOutcome::detail)
                .contains("merchant is not in the ledger")
                .anySatisfy(detail -> assertThat(detail).contains("currency_mismatch").contains("order HK7"));
    }

    @Test
    void anUnreadableLedgerFailsItsMerchantsAndNothingIsSentOrClaimed() {
        merchant("1001", 2, 275);
        merchant("1004", 2, 100);
        MerchantLedger broken = new MerchantLedger() {
            @Override
            public LedgerRows<MerchantAccount> accounts(Collection<String> merchantIds) {
                throw new InfrastructureException("ledger down", new java.io.IOException("connection refused"));
            }

            @Override
            public LedgerRows<List<LedgerOrder>> openOrders(Collection<String> merchantIds, LocalDate since) {
                return LedgerRows.of(Map.of());
            }
        };
        Settlekit kit = Settlekit.embedded().clock(Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), SHANGHAI))
                .planStore(plans).merchantLedger(broken).reminderLog(log).reminderNotifier(notifier).build();

        ReminderRunReport report = kit.reminderJob().run(REMIND_DAY);

        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.detail()).startsWith("could not read the ledger: infrastructure"));
        assertThat(notifier.sent()).isEmpty();
        assertThat(log.entriesBetween(REMIND_DAY, REMIND_DAY)).as("nothing claimed: the next run tries again").isEmpty();
    }

    @Test
    void twoConcurrentRunsNeverSendAMerchantTwice() throws Exception {
        for (int i = 0; i < 200; i++) {
            merchant(String.valueOf(5000 + i), 2, 100 + i);
        }
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        ReminderNotifier slow = message -> {
            sends.computeIfAbsent(message.key().merchantId(), m -> new AtomicInteger()).incrementAndGet();
            Thread.onSpinWait();
            return "ok";
        };
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<ReminderRunReport>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                Settlekit kit = kit(slow, ReminderSettings.defaults().withBatchSize(17));
                runs.add(nodes.submit(() -> {
                    start.await();
                    return kit.reminderJob().run(REMIND_DAY);
                }));
            }
            start.countDown();
            ReminderRunReport a = runs.get(0).get();
            ReminderRunReport b = runs.get(1).get();

            assertThat(a.sent() + b.sent()).isEqualTo(200);
            assertThat(a.skipped() + b.skipped()).isEqualTo(200);
            assertThat(sends).hasSize(200).allSatisfy((merchant, count) -> assertThat(count.get()).isEqualTo(1));
        } finally {
            nodes.shutdownNow();
        }
    }

    /**
     * A channel whose sends to some merchants get no answer (it may or may not have delivered them first),
     * and whose delivery check answers from what it really delivered, or cannot tell.
     */
    private static final class AmbiguousNotifier implements ReminderNotifier {
        final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        final Map<String, String> noAnswer = new ConcurrentHashMap<>(); // merchant -> "delivered" or "lost"
        volatile boolean canCheck = true;
        volatile boolean checkFails;
        final List<Instant> checkedSince = new ArrayList<>();

        @Override
        public String send(ReminderMessage message) {
            String merchant = message.key().merchantId();
            String mode = noAnswer.get(merchant);
            if (mode == null || mode.equals("delivered")) {
                delivered.computeIfAbsent(merchant, m -> new AtomicInteger()).incrementAndGet();
            }
            if (mode != null) {
                throw new SendOutcomeUnknownException("no answer within 1 s: SocketTimeoutException", null);
            }
            return "ref-" + merchant;
        }

        @Override
        public SendCheck check(ReminderMessage message, Instant attemptedAt) {
            checkedSince.add(attemptedAt);
            if (checkFails) {
                throw new InfrastructureException("status query timed out", null);
            }
            if (!canCheck) {
                return ReminderNotifier.super.check(message, attemptedAt);
            }
            int count = deliveries(message.key().merchantId());
            return count > 0 ? SendCheck.delivered("ref-" + message.key().merchantId(), "found in the status reports")
                    : SendCheck.notDelivered("not in the status reports");
        }

        int deliveries(String merchant) {
            AtomicInteger count = delivered.get(merchant);
            return count == null ? 0 : count.get();
        }
    }

    @Test
    void aSendWithoutAnAnswerIsUnconfirmedAndConfirmedDeliveredByTheNextRunWithoutASecondMessage() {
        merchant("1001", 2, 275);
        merchant("1004", 2, 100);
        AmbiguousNotifier channel = new AmbiguousNotifier();
        channel.noAnswer.put("1004", "delivered");
        Settlekit kit = kit(channel, ReminderSettings.defaults());
        ReminderKey key = new ReminderKey("1004", LocalDate.parse("2017-09-05"), REMIND_DAY);

        JobResult<ReminderRunReport> first = kit.jobRunner().run(kit.reminderJob(), REMIND_DAY, RunMode.ONCE_PER_DATE);

        assertThat(first.status()).as("an unknown outcome leaves the date open").isEqualTo(JobResult.Status.RAN_UNFINISHED);
        ReminderRunReport one = first.result().orElseThrow();
        assertThat(one.sent()).isEqualTo(1);
        assertThat(one.unconfirmed()).isEqualTo(1);
        assertThat(one.failed()).isZero();
        assertThat(one.estimatedCost()).isEqualByComparingTo("0.045");
        assertThat(log.find(key).orElseThrow().status()).isEqualTo(ReminderStatus.UNKNOWN);
        assertThat(log.find(key).orElseThrow().detail().orElseThrow()).contains("SocketTimeoutException");
        assertThat(kit.reminderJob().describe(one)).contains("unconfirmed 1");

        channel.noAnswer.clear();
        JobResult<ReminderRunReport> second = kit.jobRunner().run(kit.reminderJob(), REMIND_DAY, RunMode.ONCE_PER_DATE);

        assertThat(second.status()).isEqualTo(JobResult.Status.RAN);
        ReminderRunReport two = second.result().orElseThrow();
        assertThat(two.confirmed()).isEqualTo(1);
        assertThat(two.sent()).isZero();
        assertThat(two.skipped()).isEqualTo(1);
        assertThat(two.estimatedCost()).as("the confirmed message is counted once, here").isEqualByComparingTo("0.045");
        assertThat(log.find(key).orElseThrow()).satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(ReminderStatus.SENT);
            assertThat(entry.detail()).contains("ref-1004");
            assertThat(entry.attempts()).isEqualTo(1);
        });
        assertThat(channel.checkedSince).containsExactly(Instant.parse("2017-10-08T01:00:00Z"));
        assertThat(channel.deliveries("1004")).isEqualTo(1);
        assertThat(channel.deliveries("1001")).isEqualTo(1);
    }

    @Test
    void aSendWithoutAnAnswerThatWasNotDeliveredIsRetriedByTheNextRunEvenOnALaterDay() {
        merchant("1004", 2, 100);
        AmbiguousNotifier channel = new AmbiguousNotifier();
        channel.noAnswer.put("1004", "lost");
        Settlekit kit = kit(channel, ReminderSettings.defaults());
        ReminderKey key = new ReminderKey("1004", LocalDate.parse("2017-09-05"), REMIND_DAY);

        assertThat(kit.reminderJob().run(REMIND_DAY).unconfirmed()).isEqualTo(1);
        channel.noAnswer.clear();
        ReminderRunReport nextDay = kit.reminderJob().run(REMIND_DAY.plusDays(1));

        assertThat(nextDay.sent()).isEqualTo(1);
        assertThat(nextDay.unconfirmed()).isZero();
        assertThat(log.find(key).orElseThrow().status()).isEqualTo(ReminderStatus.SENT);
        assertThat(log.find(key).orElseThrow().attempts()).isEqualTo(2);
        assertThat(channel.deliveries("1004")).isEqualTo(1);
        assertThat(kit.reminderJob().run(REMIND_DAY.plusDays(1)).sent()).isZero();
    }

    @Test
    void whenTheNotifierCannotTellTheSendStaysUnconfirmedAndIsNeverResentUntilAnOperatorDecides() {
        merchant("1004", 2, 100);
        AmbiguousNotifier channel = new AmbiguousNotifier();
        channel.noAnswer.put("1004", "lost");
        channel.canCheck = false;
        Settlekit kit = kit(channel, ReminderSettings.defaults());
        ReminderKey key = new ReminderKey("1004", LocalDate.parse("2017-09-05"), REMIND_DAY);
        kit.reminderJob().run(REMIND_DAY);
        channel.noAnswer.clear();

        ReminderRunReport rerun = kit.reminderJob().run(REMIND_DAY);
        ReminderRunReport nextDay = kit.reminderJob().run(REMIND_DAY.plusDays(1));
        channel.canCheck = true;
        channel.checkFails = true;
        ReminderRunReport checkFailed = kit.reminderJob().run(REMIND_DAY.plusDays(1));

        for (ReminderRunReport report : List.of(rerun, nextDay, checkFailed)) {
            assertThat(report.unconfirmed()).isEqualTo(1);
            assertThat(report.sent()).isZero();
            assertThat(kit.reminderJob().finishes(report)).isFalse();
        }
        assertThat(rerun.outcomes().get(0).detail()).contains("cannot check").contains("SocketTimeoutException");
        assertThat(checkFailed.outcomes().get(0).detail()).contains("delivery check failed");
        assertThat(channel.deliveries("1004")).isZero();
        assertThat(log.find(key).orElseThrow().status()).isEqualTo(ReminderStatus.UNKNOWN);

        // the operator decides to resend: settle it as failed, and the next run retries it
        assertThat(new ReminderTransitions(log).resolveUnknown(key, ReminderStatus.FAILED, "operator: resend", Instant.parse("2017-10-09T02:00:00Z"))).isTrue();
        channel.checkFails = false;
        ReminderRunReport afterDecision = kit.reminderJob().run(REMIND_DAY.plusDays(1));

        assertThat(afterDecision.sent()).isEqualTo(1);
        assertThat(channel.deliveries("1004")).isEqualTo(1);
        assertThat(log.find(key).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void theSeedsBudgetIs2160YuanAMonth() {
        assertThat(ReminderSettings.defaults().monthlyBudget(12_000, 4)).isEqualByComparingTo(new BigDecimal("2160"));
        assertThat(ReminderSettings.defaults().withPrice(new BigDecimal("0.04"), "CNY").costOf(3)).isEqualByComparingTo("0.12");
    }

    /** A claim left by a run that died an hour before this run, which runs at 01:00Z (lease: 15 minutes). */
    private ReminderKey deadRunClaimed(String merchant) {
        ReminderKey key = new ReminderKey(merchant, LocalDate.parse("2017-09-05"), REMIND_DAY);
        assertThat(new ReminderTransitions(log).claim(key, Amount.ofMinor("CNY", 100), 3, Instant.parse("2017-10-08T00:00:00Z"))).isPresent();
        return key;
    }

    @Test
    void aStaleClaimWhoseMessageWentOutIsConfirmedByTheNextRunWithoutASecondMessage() {
        merchant("1001", 2, 275);
        merchant("1004", 2, 100);
        AmbiguousNotifier channel = new AmbiguousNotifier();
        ReminderKey key = deadRunClaimed("1004");
        channel.delivered.put("1004", new AtomicInteger(1)); // the dead run sent it, then died before recording it

        ReminderRunReport report = kit(channel, ReminderSettings.defaults()).reminderJob().run(REMIND_DAY);

        assertThat(report.staleClaims()).isEqualTo(1);
        assertThat(report.confirmed()).isEqualTo(1);
        assertThat(report.sent()).as("1001 only").isEqualTo(1);
        assertThat(report.skipped()).isZero();
        assertThat(report.outcomes()).filteredOn(ReminderOutcome::staleClaim).extracting(ReminderOutcome::key).containsExactly(key);
        assertThat(report.toString()).contains("stale claims 1");
        assertThat(channel.checkedSince).as("checked from the claim time").containsExactly(Instant.parse("2017-10-08T00:00:00Z"));
        assertThat(log.find(key).orElseThrow()).satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(ReminderStatus.SENT);
            assertThat(entry.detail()).contains("ref-1004");
            assertThat(entry.attempts()).isEqualTo(1);
        });
        assertThat(channel.deliveries("1004")).isEqualTo(1);
    }

    @Test
    void aHungRunsLateOutcomeNeverOverwritesTheClaimThatTookItsPlace() {
        merchant("1004", 2, 100);
        AmbiguousNotifier channel = new AmbiguousNotifier();
        ReminderTransitions hungRun = new ReminderTransitions(log);
        ReminderEntry hungClaim = hungRun.claim(new ReminderKey("1004", LocalDate.parse("2017-09-05"), REMIND_DAY),
                Amount.ofMinor("CNY", 100), 3, Instant.parse("2017-10-08T00:00:00Z")).orElseThrow(); // then it hangs, before the provider call
        ReminderNotifier wakesDuringTheResend = new ReminderNotifier() {
            @Override
            public String send(ReminderMessage message) {
                // the hung run wakes while this run resends, and records its own send as failed
                hungRun.settle(hungClaim, ReminderStatus.FAILED, "provider_error: woke up late", Instant.parse("2017-10-08T01:00:00Z"));
                return channel.send(message);
            }

            @Override
            public SendCheck check(ReminderMessage message, Instant attemptedAt) {
                return channel.check(message, attemptedAt);
            }
        };
        Settlekit kit = kit(wakesDuringTheResend, ReminderSettings.defaults());

        ReminderRunReport report = kit.reminderJob().run(REMIND_DAY);
        ReminderRunReport rerun = kit.reminderJob().run(REMIND_DAY);

        assertThat(report.staleClaims()).isEqualTo(1);
        assertThat(report.sent()).isEqualTo(1);
        assertThat(log.find(hungClaim.key()).orElseThrow()).satisfies(entry -> {
            assertThat(entry.status()).as("this run's send, not the hung run's failure").isEqualTo(ReminderStatus.SENT);
            assertThat(entry.detail()).contains("ref-1004");
            assertThat(entry.attempts()).isEqualTo(2);
        });
        assertThat(rerun.sent()).isZero();
        assertThat(channel.deliveries("1004")).as("one message").isEqualTo(1);
    }

    @Test
    void aStaleClaimWhoseMessageNeverLeftIsSentOnceByTheNextRun() {
        merchant("1004", 2, 100);
        AmbiguousNotifier channel = new AmbiguousNotifier();
        ReminderKey key = deadRunClaimed("1004"); // the dead run died before calling the provider
        Settlekit kit = kit(channel, ReminderSettings.defaults());

        ReminderRunReport report = kit.reminderJob().run(REMIND_DAY);
        ReminderRunReport rerun = kit.reminderJob().run(REMIND_DAY);

        assertThat(report.staleClaims()).isEqualTo(1);
        assertThat(report.sent()).isEqualTo(1);
        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(ReminderOutcome.Result.SENT);
            assertThat(o.staleClaim()).isTrue();
        });
        assertThat(log.find(key).orElseThrow()).satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(ReminderStatus.SENT);
            assertThat(entry.attempts()).isEqualTo(2);
        });
        assertThat(rerun.sent() + rerun.staleClaims() + rerun.confirmed()).isZero();
        assertThat(channel.deliveries("1004")).isEqualTo(1);
    }

    @Test
    void aStaleClaimTheNotifierCannotCheckIsReportedForAnOperatorAndNeverResent() {
        merchant("1004", 2, 100);
        AmbiguousNotifier channel = new AmbiguousNotifier();
        channel.canCheck = false;
        ReminderKey key = deadRunClaimed("1004");
        Settlekit kit = kit(channel, ReminderSettings.defaults());

        ReminderRunReport report = kit.reminderJob().run(REMIND_DAY);
        ReminderRunReport rerun = kit.reminderJob().run(REMIND_DAY);

        assertThat(report.staleClaims()).isEqualTo(1);
        assertThat(report.unconfirmed()).isEqualTo(1);
        assertThat(kit.reminderJob().finishes(report)).isFalse();
        assertThat(report.outcomes().get(0).detail()).contains("cannot check").contains("no outcome recorded within the claim lease");
        assertThat(log.find(key).orElseThrow().status()).isEqualTo(ReminderStatus.UNKNOWN);
        assertThat(rerun.unconfirmed()).as("now a send of unknown outcome like any other").isEqualTo(1);
        assertThat(rerun.staleClaims()).isZero();
        assertThat(channel.deliveries("1004")).isZero();
    }

    @Test
    void aClaimWithinItsLeaseIsLeftToItsRun() {
        merchant("1004", 2, 100);
        AmbiguousNotifier channel = new AmbiguousNotifier();
        ReminderKey key = deadRunClaimed("1004");

        ReminderRunReport report = kit(channel, ReminderSettings.defaults().withClaimLease(java.time.Duration.ofMinutes(61))).reminderJob().run(REMIND_DAY);

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.staleClaims()).isZero();
        assertThat(channel.checkedSince).isEmpty();
        assertThat(log.find(key).orElseThrow().status()).isEqualTo(ReminderStatus.CLAIMED);
        assertThat(channel.deliveries("1004")).isZero();
    }

    @Test
    void aStaleClaimOfAnEarlierDayIsSettledByALaterDaysRunWhileItsPeriodIsPending() {
        merchant("1004", 2, 100);
        AmbiguousNotifier channel = new AmbiguousNotifier();
        ReminderKey key = deadRunClaimed("1004"); // the run of 10-08 died; the job next runs on 10-09

        ReminderRunReport nextDay = kit(channel, ReminderSettings.defaults()).reminderJob().run(REMIND_DAY.plusDays(1));

        assertThat(nextDay.staleClaims()).isEqualTo(1);
        assertThat(nextDay.sent()).isEqualTo(1);
        assertThat(nextDay.outcomes()).singleElement().satisfies(o -> assertThat(o.key()).isEqualTo(key));
        assertThat(log.find(key).orElseThrow().status()).isEqualTo(ReminderStatus.SENT);
        assertThat(channel.deliveries("1004")).isEqualTo(1);
    }
}
