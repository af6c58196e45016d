package io.settlekit.redis;

import io.settlekit.access.Actor;
import io.settlekit.refresh.RefreshLimiter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Many threads per limiter pressing refresh for one user at once. */
final class Hammer {
    private Hammer() {
    }

    /**
     * {@code threadsPerLimiter} threads per limiter, released together, each pressing {@code presses}
     * times for {@code user}.
     *
     * @return how many presses were allowed
     */
    static int refreshes(List<RefreshLimiter> limiters, int threadsPerLimiter, int presses, Actor user) throws Exception {
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(limiters.size() * threadsPerLimiter);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (RefreshLimiter limiter : limiters) {
                for (int t = 0; t < threadsPerLimiter; t++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < presses; i++) {
                            if (limiter.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()) {
                                allowed.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return allowed.get();
    }
}
