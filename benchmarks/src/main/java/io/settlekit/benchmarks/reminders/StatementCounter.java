package io.settlekit.benchmarks.reminders;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/** Wraps a pool and counts the statements prepared or created on its connections: the queries a use case makes. */
final class StatementCounter {
    private final AtomicInteger statements = new AtomicInteger();
    private final DataSource counting;

    StatementCounter(DataSource target) {
        this.counting = proxy(DataSource.class, target, (method, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, (m, r) -> {
                    if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return r;
                })
                : result);
    }

    /** The counting pool. */
    DataSource dataSource() {
        return counting;
    }

    /** Statements since the last reset. */
    int statements() {
        return statements.get();
    }

    /** Starts counting from zero. */
    void reset() {
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
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
