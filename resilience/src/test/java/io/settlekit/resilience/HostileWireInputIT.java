package io.settlekit.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.Settlekit;
import io.settlekit.base.SettlekitException;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.formats.json.FeeTypeItem;
import io.settlekit.formats.json.RateItem;
import io.settlekit.formats.json.ReceivableJsonLines;
import io.settlekit.formats.json.SettlekitJson;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.money.MysqlFeeRateStore;
import io.settlekit.mysql.money.MysqlFeeTypeStore;
import io.settlekit.mysql.billing.MysqlPlanStore;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.Plan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile documents of every JSON wire shape (rate items, plans, amounts, totals, fee type items, ledger
 * orders, receivable lines) each give the typed error naming the field, and nothing reaches MariaDB: a
 * rate or plan that parsed is saved the way a host's endpoint would, so a hostile value that slipped
 * through the reader would show up in {@code tbl_fee_rate} or {@code tbl_user_pay_method}.
 */
class HostileWireInputIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String TABLES = "SELECT (SELECT COUNT(*) FROM tbl_fee_rate), (SELECT COUNT(*) FROM tbl_user_pay_method)";
    private static final Actor FINANCE = Actor.user("finance", Permission.EDIT_FEE_RATE, Permission.ADD_SETTLE_REMIND);
    private static final Map<String, Class<?>> SHAPES = Map.of("amount", Amount.class, "totals", CurrencyTotals.class,
            "rate", RateItem.class, "fee_type", FeeTypeItem.class, "plan", Plan.class, "order", LedgerOrder.class);

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("hostile_wire", "/ddl/money.sql", "/ddl/money-seed-rows.sql",
            "/ddl/settlement-plans.sql");

    private static Settlekit kit;
    private final ObjectMapper mapper = SettlekitJson.newMapper();

    @BeforeAll
    static void kit() {
        kit = Settlekit.embedded()
                .clock(Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), SHANGHAI))
                .zone(SHANGHAI)
                .feeTypes(new MysqlFeeTypeStore(DB.dataSource()))
                .feeRates(new MysqlFeeRateStore(DB.dataSource(), SHANGHAI))
                .planStore(new MysqlPlanStore(DB.dataSource(), SHANGHAI))
                .build();
    }

    static Stream<Arguments> wire() {
        return HostileCorpus.arguments("wire.jsonl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wire")
    void answersTheTypedErrorNamingTheFieldAndWritesNothing(HostileCorpus.Case hostile) {
        List<String> before = DB.rows(TABLES);

        assertThatThrownBy(() -> readAndSave(hostile.type(), hostile.input()))
                .isInstanceOfSatisfying(SettlekitException.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(hostile.code());
                    assertThat(e.field()).as(e.getMessage()).contains(hostile.field());
                    assertThat(e.getMessage()).hasSizeLessThan(600);
                });
        assertThat(DB.rows(TABLES)).isEqualTo(before);
    }

    @Test
    void wellFormedDocumentsOfTheSameShapesAreSaved() {
        List<String> before = DB.rows(TABLES);

        readAndSave("rate", "{\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\",\"value\":\"0.9235\"}");
        readAndSave("plan", "{\"pay_method\":3,\"begin_day\":5,\"settle_day\":10,\"effective_date\":\"2017-09-28\",\"settle_remind\":2}");

        assertThat(DB.rows(TABLES)).isNotEqualTo(before);
    }

    @Test
    void theCorpusCoversEveryShape() {
        assertThat(HostileCorpus.load("wire.jsonl").stream().map(HostileCorpus.Case::type).distinct())
                .containsExactlyInAnyOrder("rate", "plan", "amount", "totals", "fee_type", "order", "receivable");
    }

    /** Reads the document as its shape; rates and plans are then saved as a host's endpoint would. */
    private void readAndSave(String type, String json) {
        if (type.equals("receivable")) {
            new ReceivableJsonLines().parse("receivables.jsonl", 1, json);
            return;
        }
        Object read = SettlekitJson.read(mapper, json, SHAPES.get(type));
        if (read instanceof RateItem rate) {
            kit.rateBook().save(FINANCE, "T1", rate.from(), rate.to(), rate.value());
        } else if (read instanceof Plan plan) {
            kit.billingPlans().save(FINANCE, "1001", plan);
        }
    }
}
