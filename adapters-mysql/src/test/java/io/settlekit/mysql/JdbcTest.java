package io.settlekit.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.InfrastructureException;

import java.io.EOFException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** The JDBC helper discards connections that are gone, and only those. */
class JdbcTest {

    @Test
    void aConnectionLostMidStreamIsRecognisedThroughTheCauseEvenWithoutAnSqlState08() {
        SQLException midStream = new SQLException("Error retrieving record: Unexpected Exception", "S1000", 0,
                new EOFException("Can not read response from server"));

        assertThat(Jdbc.isConnectionLost(midStream)).isTrue();
        assertThat(Jdbc.isConnectionLost(new SQLException("Communications link failure", "08S01"))).isTrue();
        assertThat(Jdbc.isConnectionLost(new SQLException("Duplicate entry", "23000", 1062))).isFalse();
        assertThat(Jdbc.isConnectionLost(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isFalse();
    }

    @Test
    void aLostConnectionIsAbortedAndProbedBeforeItGoesBackToThePool() {
        List<String> calls = new ArrayList<>();
        Jdbc jdbc = new Jdbc(dataSource(calls));

        assertThatThrownBy(() -> jdbc.withConnection("streaming rows", connection -> {
            throw new SQLException("Error retrieving record", "S1000", 0, new EOFException("lost"));
        })).isInstanceOf(InfrastructureException.class).hasMessageContaining("streaming rows").hasMessageContaining("S1000");

        assertThat(calls).containsExactly("abort", "createStatement", "close");
    }

    @Test
    void anOrdinaryFailureLeavesTheConnectionToThePool() {
        List<String> calls = new ArrayList<>();
        Jdbc jdbc = new Jdbc(dataSource(calls));

        assertThatThrownBy(() -> jdbc.withConnection("inserting", connection -> {
            throw new SQLException("Duplicate entry", "23000", 1062);
        })).isInstanceOf(InfrastructureException.class);

        assertThat(calls).containsExactly("close");
    }

    /** A data source whose one connection records the calls made on it; statements fail as on a closed connection. */
    private static DataSource dataSource(List<String> calls) {
        Connection connection = (Connection) Proxy.newProxyInstance(JdbcTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    if (method.getName().equals("createStatement")) {
                        throw new SQLException("No operations allowed after connection closed.", "08003");
                    }
                    return null;
                });
        return new DataSource() {
            @Override
            public Connection getConnection() {
                return connection;
            }

            @Override
            public Connection getConnection(String username, String password) {
                return connection;
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
