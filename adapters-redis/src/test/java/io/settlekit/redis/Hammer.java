package io.settlekit.redis;

import io.settlekit.access.Actor;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.testkit.Concurrently;

import java.util.ArrayList;
import java.util.List;
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
        List<Concurrently.Task> tasks = new ArrayList<>();
        for (RefreshLimiter limiter : limiters) {
            for (int t = 0; t < threadsPerLimiter; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < presses; i++) {
                        if (limiter.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()) {
                            allowed.incrementAndGet();
                        }
                    }
                });
            }
        }
        Concurrently.run(tasks);
        return allowed.get();
    }
}
