package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.balance.RefreshOutcome;
import io.settlekit.job.DailyScheduler;
import io.settlekit.redis.JedisDailyCounters;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.testkit.servers.LocalMysql;
import io.settlekit.testkit.servers.LocalRedis;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariDataSource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The README's store balance wiring runs on the local MariaDB and Redis and an embedded MongoDB-protocol
 * server: a user's first refresh snapshots, the second is denied.
 */
class BalanceWiringIT {

    @Test
    void theReadmeWiringRefreshesOnceThenDenies() throws IOException {
        MongoServer mongoServer = new MongoServer(new MemoryBackend());
        mongoServer.bind("127.0.0.1", 0);
        String user = "wiring-" + System.nanoTime();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (LocalMysql mysql = LocalMysql.create("balance_wiring");
             MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort());
             RedisClient redis = RedisClient.create(LocalRedis.check().uri())) {
            mysql.run(Files.readString(Path.of("../adapters-mysql/src/test/resources/ddl/money.sql"), StandardCharsets.UTF_8));
            mysql.run(Files.readString(Path.of("../adapters-mysql/src/test/resources/ddl/balance.sql"), StandardCharsets.UTF_8));
            mysql.run(resource("/io/settlekit/mysql/job/job-tables.sql"));
            mysql.run("INSERT INTO tbl_fee_rate (station_id, from_fee_type, to_fee_type, value, group_id, create_time)"
                    + " VALUES ('T1001', 'HKD', 'CNY', 0.9235, 0, '2026-01-01 00:00:00')");
            mysql.run("INSERT INTO mws_financial_event_groups (uuid, seller_id, financial_event_group_id, processing_status,"
                    + " original_total_amount, currency_code) VALUES ('u-1', 'S1', 'F1', 'Open', 1000.40, 'HKD'), ('u-2', 'S2', 'F2', 'Open', 20.00, 'CNY')");
            try (HikariDataSource pool = HostWiring.pool(mysql.jdbcUrl(), mysql.user(), mysql.password())) {
                var database = mongo.getDatabase("wiring");

                Settlekit kit = BalanceWiring.wire(pool, database, redis);
                RefreshOutcome first = BalanceWiring.refresh(kit, Actor.user(user));
                RefreshOutcome second = BalanceWiring.refresh(BalanceWiring.wire(pool, database, redis), Actor.user(user));

                assertThat(first.status()).isEqualTo(RefreshOutcome.Status.REFRESHED);
                assertThat(first.summary().orElseThrow().totalAmount()).isEqualTo(new BigDecimal("943.50"));
                assertThat(second.status()).isEqualTo(RefreshOutcome.Status.DENIED);
                assertThat(second.decision().resetsAt().toLocalDate()).isEqualTo(today);
                try (DailyScheduler nightly = BalanceWiring.startNightly(kit)) {
                    assertThat(nightly.nextRun().orElseThrow().toLocalTime()).isEqualTo(LocalTime.of(23, 50));
                }
            } finally {
                redis.del(JedisDailyCounters.redisKey("settlekit:", RefreshLimiter.counterKey(RefreshLimiter.BALANCE_REFRESH, user), today));
            }
        } finally {
            mongoServer.shutdownNow();
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = BalanceWiringIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
