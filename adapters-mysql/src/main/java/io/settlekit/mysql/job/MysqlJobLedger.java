package io.settlekit.mysql.job;

import io.settlekit.job.JobCompletion;
import io.settlekit.job.JobLedger;
import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.SqlTable;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger of finished job dates on MySQL/MariaDB: table {@code settlekit_job_run}
 * ({@code job, run_date} primary key, {@code completed_at DATETIME(3)} in UTC, {@code detail}; DDL in
 * {@code io/settlekit/mysql/job/job-tables.sql} in this jar), one row per job and date, replaced on every
 * record.
 *
 * <p>Thread-safe: final fields only; every call borrows its own connection.
 */
public final class MysqlJobLedger implements JobLedger {
    /** The default table name. */
    public static final String DEFAULT_TABLE = "settlekit_job_run";

    private final Jdbc jdbc;
    private final SqlTable table;

    /** A ledger in {@value #DEFAULT_TABLE} of the connection's database. */
    public MysqlJobLedger(DataSource dataSource) {
        this(dataSource, SqlTable.of(DEFAULT_TABLE));
    }

    /**
     * @param dataSource the host's pool
     * @param table      the ledger table
     */
    public MysqlJobLedger(DataSource dataSource, SqlTable table) {
        this.jdbc = new Jdbc(dataSource);
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<JobCompletion> completion(String job, LocalDate date) {
        return jdbc.queryFirst("reading the completion of job " + job + " for " + date + " from " + table,
                "SELECT completed_at, detail FROM " + table.sql() + " WHERE job = ? AND run_date = ?",
                statement -> {
                    statement.setString(1, job);
                    statement.setObject(2, date);
                },
                row -> new JobCompletion(job, date, row.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), row.getString(2)));
    }

    @Override
    public void record(JobCompletion completion) {
        jdbc.update("recording the completion of job " + completion.job() + " for " + completion.date() + " in " + table,
                "INSERT INTO " + table.sql() + " (job, run_date, completed_at, detail) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE completed_at = VALUES(completed_at), detail = VALUES(detail)",
                statement -> {
                    statement.setString(1, completion.job());
                    statement.setObject(2, completion.date());
                    statement.setString(3, Jdbc.millisText(LocalDateTime.ofInstant(completion.completedAt(), ZoneOffset.UTC)));
                    statement.setString(4, completion.detail());
                });
    }
}
