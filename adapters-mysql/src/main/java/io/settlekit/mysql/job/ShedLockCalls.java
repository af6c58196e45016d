package io.settlekit.mysql.job;

import io.settlekit.base.InfrastructureException;

import java.util.function.Supplier;

import net.javacrumbs.shedlock.support.LockException;

/** Wraps ShedLock's failures in the SDK's infrastructure error, keeping the cause. */
final class ShedLockCalls {
    private ShedLockCalls() {
    }

    static <T> T call(String doing, Supplier<T> work) {
        try {
            return work.get();
        } catch (LockException e) {
            throw new InfrastructureException("MySQL failed while " + doing, e);
        }
    }
}
