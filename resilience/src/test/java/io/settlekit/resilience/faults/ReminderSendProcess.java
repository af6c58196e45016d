package io.settlekit.resilience.faults;

import io.settlekit.Settlekit;
import io.settlekit.mysql.billing.MysqlMerchantLedger;
import io.settlekit.mysql.billing.MysqlPlanStore;
import io.settlekit.mysql.billing.MysqlReminderLog;
import io.settlekit.billing.reminder.ReminderEntry;
import io.settlekit.billing.reminder.ReminderKey;
import io.settlekit.billing.reminder.ReminderMessage;
import io.settlekit.billing.reminder.ReminderStatus;
import io.settlekit.billing.reminder.ReminderLog;
import io.settlekit.billing.reminder.ReminderNotifier;
import io.settlekit.sms.TencentSmsNotifier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The "first node" of {@link ReminderProcessDeathIT}, run in its own JVM: the reminder job for one day on
 * MariaDB, sending through Tencent Cloud SMS to the test's fake provider, that stops at one step of one
 * merchant's send (right after the claim, or right after the provider accepted the message and before the
 * outcome is recorded), prints {@code PAUSED <step> <merchant>} and waits there to be killed with SIGKILL.
 *
 * <p>Arguments: JDBC URL, user, password, provider endpoint ({@code 127.0.0.1:port}), the step
 * ({@link Step}), the merchant to stop at, the run's instant (its fixed clock).
 */
public final class ReminderSendProcess {
    /** Where the process stops. */
    public enum Step {
        /** The claim is recorded; the provider was never called. */
        AFTER_CLAIM,
        /** The provider accepted the message; its outcome is not recorded. */
        AFTER_PROVIDER_CALL
    }

    private ReminderSendProcess() {
    }

    /** Runs the job until it stops at the step; see the class comment. */
    public static void main(String[] args) throws Exception {
        Step step = Step.valueOf(args[4]);
        String stopAt = args[5];
        Clock clock = Clock.fixed(Instant.parse(args[6]), ReminderProcessDeathIT.SHANGHAI);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            ReminderLog log = new MysqlReminderLog(dataSource);
            ReminderNotifier sms = ReminderProcessDeathIT.sms(args[3], clock);
            Settlekit kit = Settlekit.embedded()
                    .clock(clock)
                    .zone(ReminderProcessDeathIT.SHANGHAI)
                    .planStore(new MysqlPlanStore(dataSource, ReminderProcessDeathIT.SHANGHAI))
                    .merchantLedger(new MysqlMerchantLedger(dataSource))
                    .reminderLog(step == Step.AFTER_CLAIM ? new StopAfterClaim(log, stopAt) : log)
                    .reminderNotifier(step == Step.AFTER_PROVIDER_CALL ? new StopAfterSend(sms, stopAt) : sms)
                    .build();
            kit.reminderJob().run(ReminderProcessDeathIT.REMIND_DAY);
        }
        System.out.println("FINISHED without stopping at " + stopAt);
    }

    /** Announces the stop and waits to be killed. */
    private static void stop(Step step, String merchant) {
        System.out.println("PAUSED " + step + " " + merchant);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // only SIGKILL ends this process
            }
        }
    }

    /** The real log, stopping right after the claim of one merchant is stored (a first claim or a retry). */
    private record StopAfterClaim(ReminderLog log, String merchant) implements ReminderLog {
        @Override
        public boolean insert(ReminderEntry entry) {
            return stopIfClaimed(log.insert(entry), entry);
        }

        @Override
        public boolean replace(ReminderEntry expected, ReminderEntry updated) {
            return stopIfClaimed(log.replace(expected, updated), updated);
        }

        private boolean stopIfClaimed(boolean stored, ReminderEntry entry) {
            if (stored && entry.status() == ReminderStatus.CLAIMED && entry.key().merchantId().equals(merchant)) {
                stop(Step.AFTER_CLAIM, merchant);
            }
            return stored;
        }

        @Override
        public Optional<ReminderEntry> find(ReminderKey key) {
            return log.find(key);
        }

        @Override
        public List<ReminderEntry> entriesBetween(LocalDate from, LocalDate to) {
            return log.entriesBetween(from, to);
        }
    }

    /** The real notifier, stopping right after the provider accepted the message to one merchant. */
    private record StopAfterSend(ReminderNotifier notifier, String merchant) implements ReminderNotifier {
        @Override
        public String send(ReminderMessage message) {
            String reference = notifier.send(message);
            if (message.key().merchantId().equals(merchant)) {
                stop(Step.AFTER_PROVIDER_CALL, merchant);
            }
            return reference;
        }
    }
}
