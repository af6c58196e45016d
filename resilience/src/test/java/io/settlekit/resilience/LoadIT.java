package io.settlekit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.money.Amount;
import io.settlekit.money.RateBook;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.money.MysqlFeeRateStore;
import io.settlekit.mysql.money.MysqlFeeTypeStore;
import io.settlekit.redis.JedisDailyCounters;
import io.settlekit.redis.ScannedKeys;
import io.settlekit.refresh.RefreshDecision;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.testkit.servers.LocalRedis;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/**
 * The source notes' load figure: 30 concurrent clients for 60 seconds on rate listing, conversion and
 * refresh checks over the real adapters. No call may fail; p50/p99 are written to
 * {@code target/resilience/load.md} for RESILIENCE.md.
 *
 * <p>Refresh checks go through the core {@link RefreshLimiter} over Redis ({@link JedisDailyCounters}) for
 * {@value #USERS} users with {@value #MAX_PER_DAY} refreshes a day each; every attempt and every allowed
 * decision is counted per user, and after the run each user's allowed count must be exactly
 * {@code min(attempts, max)}: no over-admission, no lost admission. The counters take the day from Redis's
 * clock, so the limiter's zone is a fixed offset in which it is about noon when the run starts: the whole
 * run is one counted day whatever time the wall clock shows.
 */
class LoadIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int CLIENTS = 30;
    static final Duration DURATION = Duration.ofSeconds(Long.getLong("settlekit.load.seconds", 60));
    static final int USERS = 300;
    static final int MAX_PER_DAY = 5;
    private static final String REFRESH = "refresh check (Redis)";

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("load", "/ddl/money.sql", "/ddl/money-seed-rows.sql");

    @Test
    @Timeout(300)
    void thirtyClientsForAMinuteWithoutAnErrorOrAnOverAdmission() throws Exception {
        Settlekit kit = Settlekit.embedded()
                .clock(Clock.system(SHANGHAI))
                .feeTypes(new MysqlFeeTypeStore(DB.dataSource()))
                .feeRates(new MysqlFeeRateStore(DB.dataSource(), SHANGHAI))
                .build();
        RateBook rates = kit.rateBook();
        Actor finance = Actor.user("finance", Permission.EDIT_FEE_RATE, Permission.GET_FEE_RATE);
        for (int station = 0; station < 50; station++) {
            rates.save(finance, "T" + station, "HKD", "CNY", new BigDecimal("0.9235"));
            rates.save(finance, "T" + station, "CNY", "HKD", new BigDecimal("1.0800"));
        }
        Map<String, Callable<?>> operations = new LinkedHashMap<>();
        operations.put("list rates (MySQL)", () -> {
            int station = java.util.concurrent.ThreadLocalRandom.current().nextInt(50);
            assertThat(rates.list(finance, "T" + station, Optional.empty(), Optional.empty())).hasSize(2);
            return null;
        });
        operations.put("convert HKD->CNY (MySQL)", () -> {
            int station = java.util.concurrent.ThreadLocalRandom.current().nextInt(50);
            assertThat(rates.convert(Amount.ofMinor("HKD", 12345), "CNY", "T" + station)).isEqualTo(Amount.ofMinor("CNY", 11401));
            return null;
        });

        String prefix = LocalRedis.keyPrefix("load");
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(CLIENTS + 2);
        pool.setMaxIdle(CLIENTS + 2);
        try (RedisClient redis = RedisClient.builder().fromURI(LocalRedis.check().uri()).poolConfig(pool).build()) {
            // the day is Redis's (its TIME): a zone in which it is about noon now keeps the run in one day
            ZoneOffset noonNow = ZoneOffset.ofTotalSeconds(Math.floorMod(43_200 - LocalTime.now(ZoneOffset.UTC).toSecondOfDay() + 43_200, 86_400) - 43_200);
            RefreshLimiter limiter = new RefreshLimiter(new JedisDailyCounters(redis, prefix, Duration.ofMinutes(5)),
                    Clock.system(noonNow), noonNow, MAX_PER_DAY);
            AtomicLongArray attempts = new AtomicLongArray(USERS);
            AtomicLongArray allowed = new AtomicLongArray(USERS);
            operations.put(REFRESH, () -> {
                int user = ThreadLocalRandom.current().nextInt(USERS);
                attempts.incrementAndGet(user);
                RefreshDecision decision = limiter.check(Actor.user("load-user-" + user), RefreshLimiter.BALANCE_REFRESH);
                if (decision.allowed()) {
                    allowed.incrementAndGet(user);
                }
                return null;
            });
            try {
                Map<String, LoadDriver.OperationStats> stats = LoadDriver.run(CLIENTS, DURATION, operations);

                Admission admission = Admission.of(attempts, allowed);
                write(stats, admission);
                for (LoadDriver.OperationStats op : stats.values()) {
                    assertThat(op.errors()).as(op.name() + " errors: " + op.firstErrors()).isZero();
                    assertThat(op.calls()).as(op.name() + " calls").isPositive();
                }
                assertThat(admission.wrongUsers()).as("users whose allowed count is not min(attempts, max)").isEmpty();
                assertThat(admission.attempts()).as("refresh attempts").isEqualTo(stats.get(REFRESH).calls());
                assertThat(admission.usersAtMax()).as("users who reached the limit").isPositive();
            } finally {
                ScannedKeys.deleteAll(redis, prefix);
            }
        }
    }

    /** Per-user admission after the run: the users whose allowed count is not {@code min(attempts, max)}. */
    record Admission(long attempts, long allowed, int usersAtMax, List<String> wrongUsers) {
        static Admission of(AtomicLongArray attempts, AtomicLongArray allowed) {
            long totalAttempts = 0;
            long totalAllowed = 0;
            int atMax = 0;
            List<String> wrong = new ArrayList<>();
            for (int user = 0; user < attempts.length(); user++) {
                long tried = attempts.get(user);
                long admitted = allowed.get(user);
                totalAttempts += tried;
                totalAllowed += admitted;
                atMax += admitted == MAX_PER_DAY ? 1 : 0;
                if (admitted != Math.min(tried, MAX_PER_DAY)) {
                    wrong.add("load-user-" + user + ": " + admitted + " allowed of " + tried + " attempts");
                }
            }
            return new Admission(totalAttempts, totalAllowed, atMax, wrong);
        }
    }

    private static void write(Map<String, LoadDriver.OperationStats> stats, Admission admission) throws IOException {
        StringBuilder md = new StringBuilder("| operation | calls | errors | p50 µs | p99 µs | max µs |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (LoadDriver.OperationStats op : stats.values()) {
            md.append(String.format("| %s | %d | %d | %d | %d | %d |%n", op.name(), op.calls(), op.errors(), op.p50Micros(), op.p99Micros(), op.maxMicros()));
        }
        Path out = Files.createDirectories(Path.of("target", "resilience")).resolve("load.md");
        md.append(String.format("%nRefresh admission (%d users, max %d a day, one counted day): %d attempts, %d allowed, "
                        + "%d users reached the limit, %d users with allowed != min(attempts, max)%n",
                USERS, MAX_PER_DAY, admission.attempts(), admission.allowed(), admission.usersAtMax(), admission.wrongUsers().size()));
        Files.writeString(out, "30 clients, " + DURATION.toSeconds() + " s\n\n" + md, StandardCharsets.UTF_8);
    }
}
