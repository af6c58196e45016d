-- Tables of the job adapters (MysqlJobLocks, MysqlJobLedger). Run once in the host's database.
-- ShedLock's lock table, as ShedLock documents it for MySQL.
CREATE TABLE IF NOT EXISTS shedlock (
    name VARCHAR(64) NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) DEFAULT CHARSET = utf8mb4;

-- One row per job and date it finished (completed_at in UTC).
CREATE TABLE IF NOT EXISTS settlekit_job_run (
    job VARCHAR(64) NOT NULL,
    run_date DATE NOT NULL,
    completed_at DATETIME(3) NOT NULL,
    detail VARCHAR(500) NOT NULL,
    PRIMARY KEY (job, run_date)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
