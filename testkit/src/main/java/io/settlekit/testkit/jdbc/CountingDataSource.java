package io.settlekit.testkit.jdbc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a pool and counts the statements prepared or created on its connections, to prove how many queries a
 * use case makes (MySQL adapter tests and the reminders benchmark).
 *
 * <p>Thread-safe when its target data source is: the statement count is an atomic counter.
 */
public final class CountingDataSource {
    private final AtomicInteger statements = new AtomicInteger();
    private final DataSource counting;

    /** Counts the statements made on connections of {@code target}. */
    public CountingDataSource(DataSource target) {
        this.counting = proxy(DataSource.class, target, (method, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, (m, r) -> {
                    if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return r;
                })
                : result);
    }

    /** The counting pool, to hand to the code under measurement. */
    public DataSource dataSource() {
        return counting;
    }

    /** Statements since creation or the last {@link #reset()}. */
    public int statements() {
        return statements.get();
    }

    /** Starts counting from zero. */
    public void reset() {
        statements.set(0);
    }

    private interface AfterCall {
        Object after(java.lang.reflect.Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return after.after(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
