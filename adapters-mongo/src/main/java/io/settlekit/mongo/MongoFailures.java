package io.settlekit.mongo;

import io.settlekit.base.InfrastructureException;

import com.mongodb.MongoException;

import java.util.function.Supplier;

/** Runs driver calls, wrapping {@link MongoException}s in the SDK's infrastructure error with the cause. */
final class MongoFailures {
    private MongoFailures() {
    }

    static <T> T call(String doing, Supplier<T> work) {
        try {
            return work.get();
        } catch (MongoException e) {
            throw new InfrastructureException("MongoDB failed while " + doing + " (error " + e.getCode() + ")", e);
        }
    }

    static void run(String doing, Runnable work) {
        call(doing, () -> {
            work.run();
            return null;
        });
    }
}
