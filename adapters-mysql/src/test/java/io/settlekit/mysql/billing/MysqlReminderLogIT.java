package io.settlekit.mysql.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.money.Amount;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.billing.reminder.ReminderEntry;
import io.settlekit.billing.reminder.ReminderKey;
import io.settlekit.billing.reminder.ReminderLog;
import io.settlekit.billing.reminder.ReminderStatus;
import io.settlekit.billing.reminder.ReminderTransitions;
import io.settlekit.testkit.contract.ReminderLogContract;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MySQL reminder log passes the reminder log contract (its concurrent inserts, replaces and claims included) on MariaDB. */
class MysqlReminderLogIT extends ReminderLogContract {
    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("reminderlog", "/ddl/settlement-reminder-log.sql");

    @Override
    protected ReminderLog newLog() {
        DB.run("DELETE FROM settlekit_reminder_log");
        return new MysqlReminderLog(DB.dataSource());
    }

    @Test
    void longFailureReasonsAreCutToTheColumn() {
        ReminderLog log = newLog();
        ReminderKey key = new ReminderKey("1001", LocalDate.parse("2017-09-05"), LocalDate.parse("2017-10-08"));
        ReminderTransitions transitions = new ReminderTransitions(log);
        ReminderEntry claim = transitions.claim(key, Amount.ofMinor("CNY", 1), 3, Instant.parse("2017-10-08T01:00:00Z")).orElseThrow();

        assertThat(transitions.settle(claim, ReminderStatus.FAILED, "x".repeat(2_000), Instant.parse("2017-10-08T01:00:01Z"))).isTrue();

        ReminderEntry failed = log.find(key).orElseThrow();
        assertThat(failed.detail().orElseThrow()).isEqualTo("x".repeat(512));
        assertThat(transitions.claim(key, Amount.ofMinor("CNY", 2), 3, Instant.parse("2017-10-08T01:00:02Z")))
                .as("the cut entry is still its version").map(ReminderEntry::attempts).contains(2);
    }
}
