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

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The source notes' load figure: 30 concurrent clients for 60 seconds on rate listing, conversion and
 * refresh checks over the real adapters. No call may fail; p50/p99 are written to
 * {@code target/resilience/load.md} for RESILIENCE.md.
 */
class LoadIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int CLIENTS = 30;
    static final Duration DURATION = Duration.ofSeconds(Long.getLong("settlekit.load.seconds", 60));

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("load", "/ddl/money.sql", "/ddl/money-seed-rows.sql");

    @Test
    @Timeout(300)
    void thirtyClientsForAMinuteWithoutAnError() throws Exception {
        Settlekit kit = Settlekit.builder()
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

        Map<String, LoadDriver.OperationStats> stats = LoadDriver.run(CLIENTS, DURATION, operations);

        write(stats);
        for (LoadDriver.OperationStats op : stats.values()) {
            assertThat(op.errors()).as(op.name() + " errors: " + op.firstErrors()).isZero();
            assertThat(op.calls()).as(op.name() + " calls").isPositive();
        }
    }

    private static void write(Map<String, LoadDriver.OperationStats> stats) throws IOException {
        StringBuilder md = new StringBuilder("| operation | calls | errors | p50 µs | p99 µs | max µs |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (LoadDriver.OperationStats op : stats.values()) {
            md.append(String.format("| %s | %d | %d | %d | %d | %d |%n", op.name(), op.calls(), op.errors(), op.p50Micros(), op.p99Micros(), op.maxMicros()));
        }
        Path out = Files.createDirectories(Path.of("target", "resilience")).resolve("load.md");
        Files.writeString(out, "30 clients, " + DURATION.toSeconds() + " s\n\n" + md, StandardCharsets.UTF_8);
    }
}
