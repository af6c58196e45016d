package io.settlekit.examples;

import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.balance.RefreshOutcome;
import io.settlekit.balance.SnapshotListener;
import io.settlekit.balance.SnapshotSettings;
import io.settlekit.job.DailyScheduler;
import io.settlekit.job.JobLocks;
import io.settlekit.mongo.MongoBalanceSnapshotStore;
import io.settlekit.mysql.balance.MysqlFinancialEventGroupSource;
import io.settlekit.mysql.job.MysqlJobLedger;
import io.settlekit.mysql.money.MysqlFeeRateStore;
import io.settlekit.mysql.money.MysqlFeeTypeStore;
import io.settlekit.redis.JedisDailyCounters;
import io.settlekit.redis.JedisJobLocks;

import com.mongodb.client.MongoDatabase;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;

import redis.clients.jedis.UnifiedJedis;

/**
 * How a host wires store balances: the nightly snapshot from MySQL to MongoDB on every instance, and the
 * rate-limited refresh endpoint. The README quotes the marked parts verbatim (a test checks it) and the
 * end-to-end integration test runs {@link #kit(DataSource, MongoDatabase, JobLocks, ZoneId, SnapshotListener)}.
 */
public final class BalanceWiring {
    private BalanceWiring() {
    }

    /** The kit of one service instance, with the job locks the host chose and a progress listener. */
    public static Settlekit kit(DataSource dataSource, MongoDatabase mongo, JobLocks jobLocks, ZoneId zone, SnapshotListener listener) {
        return Settlekit.builder()
                .zone(zone)
                .feeTypes(new MysqlFeeTypeStore(dataSource))
                .feeRates(new MysqlFeeRateStore(dataSource, zone))
                .financialEventGroups(new MysqlFinancialEventGroupSource(dataSource, zone))
                .balanceSnapshots(new MongoBalanceSnapshotStore(mongo, zone))
                .balanceSnapshotSettings(SnapshotSettings.of("T1001"))
                .jobLocks(jobLocks)
                .jobLedger(new MysqlJobLedger(dataSource))
                .snapshotListener(listener)
                .build();
    }

    /** Wires every adapter of one service instance. */
    public static Settlekit wire(DataSource dataSource, MongoDatabase mongo, UnifiedJedis redis) {
        // snippet:balance-wiring
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Settlekit kit = Settlekit.builder()
                .zone(zone)
                .feeTypes(new MysqlFeeTypeStore(dataSource))
                .feeRates(new MysqlFeeRateStore(dataSource, zone))                       // rates to CNY
                .financialEventGroups(new MysqlFinancialEventGroupSource(dataSource, zone)) // mws_financial_event_groups
                .balanceSnapshots(new MongoBalanceSnapshotStore(mongo, zone))           // financial_event_group(_summary)
                .balanceSnapshotSettings(SnapshotSettings.of("T1001"))                  // the station whose rates convert
                .dailyCounters(new JedisDailyCounters(redis))                          // refresh limit across instances
                .jobLocks(new JedisJobLocks(redis, Clock.system(zone)))                // one run at a time, cluster-wide
                .jobLedger(new MysqlJobLedger(dataSource))                             // one run per date
                .refreshMax(1)
                .build();
        // end-snippet
        return kit;
    }

    /** Starts the nightly snapshot on this instance (the caller closes the scheduler on shutdown). */
    public static DailyScheduler startNightly(Settlekit kit) {
        // snippet:balance-nightly
        // Nightly at 23:50 in the zone: start it on every instance; the lock and the ledger let one of them work.
        DailyScheduler nightly = kit.nightlyScheduler(kit.balanceSnapshotJob());
        nightly.start();
        // ... and nightly.close() when the service stops.
        // Hosts with their own scheduler call instead, at the time they choose:
        //   kit.jobRunner().run(kit.balanceSnapshotJob(), LocalDate.now(kit.clock()), RunMode.ONCE_PER_DATE);
        // end-snippet
        return nightly;
    }

    /** The refresh endpoint of the store balance page. */
    public static RefreshOutcome refresh(Settlekit kit, Actor actor) {
        // snippet:balance-refresh
        RefreshOutcome outcome = kit.balanceRefresh().refresh(actor); // limit, lock, snapshot, answer
        switch (outcome.status()) {
            case REFRESHED -> { /* 200 with outcome.summary().get(): total_amount, document_count, insert_time */ }
            case DENIED -> { /* 429 "no refreshes left today", retry after outcome.decision().resetsAt() */ }
            case BUSY -> { /* 202: a snapshot is being taken right now; its summary will be the day's */ }
        }
        // end-snippet
        return outcome;
    }
}
