package io.settlekit.mysql.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.money.Amount;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.settlement.ReminderKey;
import io.settlekit.settlement.ReminderLog;
import io.settlekit.testkit.contract.ReminderLogContract;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MySQL reminder log passes the reminder log contract, its concurrent claims included, on MariaDB. */
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
        log.claim(key, Amount.ofMinor("CNY", 1), 3, Instant.parse("2017-10-08T01:00:00Z"));

        log.markFailed(key, "x".repeat(2_000), Instant.parse("2017-10-08T01:00:01Z"));

        assertThat(log.find(key).orElseThrow().detail().orElseThrow()).hasSize(512);
    }
}
