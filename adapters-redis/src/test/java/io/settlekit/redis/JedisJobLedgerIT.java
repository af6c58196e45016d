package io.settlekit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.job.JobCompletion;
import io.settlekit.job.JobLedger;
import io.settlekit.testkit.contract.JobLedgerContract;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The Redis job ledger passes the job ledger contract on the local Redis and keeps entries for its retention. */
class JedisJobLedgerIT extends JobLedgerContract {
    private static final RedisClients CLIENTS = new RedisClients("ledger");

    @AfterAll
    static void closeClients() {
        CLIENTS.closeAll();
    }

    @Override
    protected JobLedger newLedger() {
        return new JedisJobLedger(CLIENTS.standalone(), CLIENTS.prefix(), Duration.ofDays(400));
    }

    @Test
    void anEntryIsOneHashThatExpiresAfterTheRetention() {
        UnifiedJedis jedis = CLIENTS.standalone();
        new JedisJobLedger(jedis, CLIENTS.prefix(), Duration.ofDays(2))
                .record(new JobCompletion("balance-snapshot", LocalDate.of(2026, 11, 21), Instant.parse("2026-11-21T15:50:09.5Z"), "3 documents"));

        String key = CLIENTS.prefix() + "job:balance-snapshot:2026-11-21";
        assertThat(jedis.hgetAll(key)).containsEntry("completed_at", "2026-11-21T15:50:09.500Z").containsEntry("detail", "3 documents");
        assertThat(jedis.pttl(key)).isBetween(Duration.ofDays(2).minusMinutes(1).toMillis(), Duration.ofDays(2).toMillis());
    }
}
