package io.settlekit.resilience.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lands a {@code KILL CONNECTION} in the middle of a scan, deterministically: the scan's consumer calls
 * {@link #pauseOnce(long)} for every row; at the chosen row it stops until the test has found the scan's
 * connection (in {@code information_schema.PROCESSLIST}, filtered on the test's own throwaway database)
 * and killed it. Only that connection is killed: never another test's.
 */
final class KillSwitch {
    private final long atRow;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch resume = new CountDownLatch(1);

    /** A switch pausing the scan at its {@code atRow}-th row. */
    KillSwitch(long atRow) {
        this.atRow = atRow;
    }

    /** Called by the scan for its {@code row}-th row: pauses once, at the chosen row, until resumed. */
    void pauseOnce(long row) {
        if (row != atRow) {
            return;
        }
        reached.countDown();
        try {
            if (!resume.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never resumed the scan");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the scan reached the chosen row. */
    void awaitPaused() throws InterruptedException {
        if (!reached.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the scan never reached row " + atRow);
        }
    }

    /** Lets the scan go on. */
    void resume() {
        resume.countDown();
    }

    /** A connection of {@code database} other than {@code own} running a statement containing {@code text}: id and state. */
    record Victim(long id, String state) {
    }

    /** Waits (up to {@code within}) for a connection of {@code database} running a statement on {@code table}. */
    static Victim find(Connection own, String database, String table, Duration within) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<Victim> found = query(own, database, table);
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no connection of " + database + " ran a statement on " + table + " within " + within);
            }
            Thread.sleep(10);
        }
    }

    /** Kills the connection {@code id} (of the test's own database, found by {@link #find}). */
    static void kill(Connection own, long id) throws SQLException {
        try (Statement statement = own.createStatement()) {
            statement.execute("KILL CONNECTION " + id);
        }
    }

    private static Optional<Victim> query(Connection own, String database, String table) throws SQLException {
        try (PreparedStatement statement = own.prepareStatement("SELECT ID, STATE FROM information_schema.PROCESSLIST"
                + " WHERE DB = ? AND COMMAND = 'Query' AND ID <> CONNECTION_ID() AND INFO LIKE ?")) {
            statement.setString(1, database);
            statement.setString(2, "SELECT%" + table + "%");
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Victim(rows.getLong(1), String.valueOf(rows.getString(2)))) : Optional.empty();
            }
        }
    }
}
