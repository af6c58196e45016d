package io.settlekit.resilience.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.PermissionDeniedException;
import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.currency.CustomerRef;
import io.settlekit.formats.json.SettlekitJson;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.money.MysqlFeeRateStore;
import io.settlekit.mysql.money.MysqlFeeTypeStore;
import io.settlekit.mysql.billing.MysqlPlanStore;
import io.settlekit.redis.JedisDailyCounters;
import io.settlekit.redis.ScannedKeys;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.billing.Plan;
import io.settlekit.testkit.servers.LocalRedis;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import redis.clients.jedis.RedisClient;

/**
 * Rules R4 of docs/rules.md over the real adapters (MariaDB stores, Redis counters): every use case guarded by a
 * {@link Permission} refuses an actor lacking it with a {@link PermissionDeniedException} naming the
 * permission, and leaves every table and counter as it was. The actor in each case holds every other
 * permission, so the refusal is for the one that is missing. {@code add_settle_remind} is the one
 * permission that does not refuse: the plan is stored with reminders off.
 *
 * <p>Guard sites in the core (all of them, found by searching for {@code Permission.}): {@code RateBook.save}
 * ({@code edit_fee_rate}), {@code RateBook.list} ({@code get_fee_rate}), {@code CurrencyRules.newSaleMenuFeeType},
 * {@code newCustomerFeeType}, {@code newVoucherFeeType} (the three {@code edit_*_fee_type}) and
 * {@code BillingPlans.save} ({@code add_settle_remind}). The balance refresh has no permission in §4: it
 * is limited per user and day instead (see {@code LoadIT}).
 */
class PermissionsIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PLAN_WITH_REMINDER =
            "{\"pay_method\":3,\"begin_day\":5,\"settle_day\":10,\"effective_date\":\"2026-11-01\",\"settle_remind\":2}";

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("permissions", "/ddl/money.sql", "/ddl/money-seed-rows.sql",
            "/ddl/settlement-plans.sql");

    private static final String PREFIX = LocalRedis.keyPrefix("permissions");
    private static RedisClient redis;
    private static Settlekit kit;

    @BeforeAll
    static void kit() {
        redis = RedisClient.builder().fromURI(LocalRedis.check().uri()).build();
        kit = Settlekit.embedded()
                .clock(Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), SHANGHAI))
                .zone(SHANGHAI)
                .feeTypes(new MysqlFeeTypeStore(DB.dataSource()))
                .feeRates(new MysqlFeeRateStore(DB.dataSource(), SHANGHAI))
                .planStore(new MysqlPlanStore(DB.dataSource(), SHANGHAI))
                .dailyCounters(new JedisDailyCounters(redis, PREFIX, Duration.ofMinutes(5)))
                .build();
        // some state to keep: a rate, a plan, a refresh counter
        kit.rateBook().save(everyPermission(), "T1", "HKD", "CNY", new BigDecimal("0.9235"));
        kit.billingPlans().save(everyPermission(), "1001", plan());
        // the counters' day is Redis's own (its TIME): count at the real now, not the kit's fixed clock
        kit.refreshLimiter().checkAt(Actor.user("someone"), RefreshLimiter.BALANCE_REFRESH, Instant.now());
    }

    @AfterAll
    static void close() {
        if (redis != null) {
            ScannedKeys.deleteAll(redis, PREFIX);
            redis.close();
        }
    }

    /** One guarded use case: the permission it needs and the call. */
    record Guarded(String name, Permission permission, Consumer<Actor> call) {
        @Override
        public String toString() {
            return name + " needs " + permission.code();
        }
    }

    static Stream<Guarded> guarded() {
        return Stream.of(
                new Guarded("save a rate", Permission.EDIT_FEE_RATE,
                        actor -> kit.rateBook().save(actor, "T1", "HKD", "CNY", new BigDecimal("0.9999"))),
                new Guarded("save a rate of a new station", Permission.EDIT_FEE_RATE,
                        actor -> kit.rateBook().save(actor, "T2", "CNY", "HKD", new BigDecimal("1.0800"))),
                new Guarded("list rates", Permission.GET_FEE_RATE,
                        actor -> kit.rateBook().list(actor, "T1", Optional.empty(), Optional.empty())),
                new Guarded("list rates from one fee type", Permission.GET_FEE_RATE,
                        actor -> kit.rateBook().list(actor, "T1", Optional.of("HKD"), Optional.empty())),
                new Guarded("a sale menu in HKD", Permission.EDIT_SALEMENU_FEE_TYPE,
                        actor -> kit.currencyRules().newSaleMenuFeeType(actor, Optional.of("HKD"))),
                new Guarded("a customer in HKD", Permission.EDIT_CUSTOMER_FEE_TYPE,
                        actor -> kit.currencyRules().newCustomerFeeType(actor, Optional.of("HKD"))),
                new Guarded("a voucher in HKD", Permission.EDIT_CHONGZHANG_FEE_TYPE,
                        actor -> kit.currencyRules().newVoucherFeeType(actor, Optional.of("HKD"), new CustomerRef("C1", "HKD"))));
    }

    static Stream<Arguments> deniedActors() {
        List<Arguments> cases = new ArrayList<>();
        guarded().forEach(g -> {
            cases.add(Arguments.of(g, "holds every other permission", allBut(g.permission())));
            cases.add(Arguments.of(g, "holds no permission", Actor.user("nobody")));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, actor {1}")
    @MethodSource("deniedActors")
    void refusesTheActorNamingThePermissionAndChangesNothing(Guarded use, String who, Actor actor) {
        State before = State.read();

        assertThatThrownBy(() -> use.call().accept(actor))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.permission()).isEqualTo(use.permission().code());
                    assertThat(e.code()).isEqualTo("permission_denied");
                    assertThat(e.getMessage()).contains(use.permission().code()).contains(actor.id());
                });
        assertThat(State.read()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guarded")
    void allowsTheActorHoldingOnlyThatPermission(Guarded use) {
        use.call().accept(Actor.user("holder", use.permission()));
    }

    @Test
    void theCasesCoverEveryRefusingPermission() {
        Set<Permission> covered = EnumSet.noneOf(Permission.class);
        guarded().forEach(g -> covered.add(g.permission()));
        covered.add(Permission.ADD_SETTLE_REMIND); // the plan test below
        assertThat(covered).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void aPlanSavedWithoutAddSettleRemindIsStoredWithRemindersOffAndNothingElseChanges() {
        State before = State.read();

        kit.billingPlans().save(allBut(Permission.ADD_SETTLE_REMIND), "2002", plan());

        State after = State.read();
        assertThat(after.rates()).isEqualTo(before.rates());
        assertThat(after.feeTypes()).isEqualTo(before.feeTypes());
        assertThat(after.counters()).isEqualTo(before.counters());
        // every row of the merchant (a legacy weekly merchant also gets its old plan written first) has reminders off
        assertThat(DB.rows("SELECT settle_remind FROM tbl_user_pay_method WHERE user_id = 2002")).isNotEmpty().containsOnly("-1");

        kit.billingPlans().save(Actor.user("holder", Permission.ADD_SETTLE_REMIND), "2003", plan());
        assertThat(DB.rows("SELECT settle_remind FROM tbl_user_pay_method WHERE user_id = 2003 ORDER BY id DESC LIMIT 1")).containsExactly("2");
    }

    @Test
    void theDefaultCurrencyNeedsNoPermission() {
        Actor nobody = Actor.user("nobody");
        assertThat(kit.currencyRules().newSaleMenuFeeType(nobody, Optional.empty())).isEqualTo("CNY");
        assertThat(kit.currencyRules().newCustomerFeeType(nobody, Optional.of("CNY"))).isEqualTo("CNY");
        assertThat(kit.currencyRules().newVoucherFeeType(nobody, Optional.empty(), new CustomerRef("C1", "CNY"))).isEqualTo("CNY");
    }

    private static Plan plan() {
        return SettlekitJson.read(SettlekitJson.newMapper(), PLAN_WITH_REMINDER, Plan.class);
    }

    private static Actor everyPermission() {
        return Actor.user("finance", Permission.values());
    }

    private static Actor allBut(Permission missing) {
        return Actor.user("almost", Arrays.stream(Permission.values()).filter(p -> p != missing).toArray(Permission[]::new));
    }

    /** Every row of the stores and every counter of this class's prefix, with its value. */
    record State(List<String> feeTypes, List<String> rates, List<String> plans, TreeMap<String, String> counters) {
        static State read() {
            TreeMap<String, String> counters = new TreeMap<>();
            ScannedKeys.matching(redis, PREFIX).forEach(key -> counters.put(key, redis.get(key)));
            return new State(DB.rows("SELECT * FROM tbl_fee_type ORDER BY fee_type"),
                    DB.rows("SELECT * FROM tbl_fee_rate ORDER BY 1"),
                    DB.rows("SELECT * FROM tbl_user_pay_method ORDER BY 1"), counters);
        }
    }
}
