package io.settlekit.formats.settlement;

import com.fasterxml.jackson.databind.module.SimpleModule;
import io.settlekit.settlement.Bill;
import io.settlekit.settlement.LedgerOrder;
import io.settlekit.settlement.Period;
import io.settlekit.settlement.Plan;
import io.settlekit.settlement.UnpaidList;

/**
 * The settlement wire shapes as a Jackson module: {@link Plan} both ways (see {@link PlanWire}),
 * {@link LedgerOrder} read (see {@link OrderWire}), and {@link Bill} as {@code bill_info},
 * {@link UnpaidList} as {@code unpaid_list} and {@link Period} as {@code {"begin","end","settle"}} written.
 * {@link io.settlekit.formats.json.SettlekitJson#newMapper()} registers it.
 */
public final class SettlementJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The module with every serializer and deserializer of the settlement context. */
    public SettlementJacksonModule() {
        super("settlekit-settlement");
        addSerializer(Plan.class, new SettlementJson.PlanSerializer());
        addDeserializer(Plan.class, new SettlementJson.PlanDeserializer());
        addDeserializer(LedgerOrder.class, new SettlementJson.OrderDeserializer());
        addSerializer(Period.class, new SettlementJson.PeriodSerializer());
        addSerializer(Bill.class, new SettlementJson.BillSerializer());
        addSerializer(UnpaidList.class, new SettlementJson.UnpaidListSerializer());
    }
}
