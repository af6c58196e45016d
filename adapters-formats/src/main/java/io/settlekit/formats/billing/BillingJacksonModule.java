package io.settlekit.formats.billing;

import com.fasterxml.jackson.databind.module.SimpleModule;
import io.settlekit.billing.Bill;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.Period;
import io.settlekit.billing.Plan;
import io.settlekit.billing.UnpaidList;

/**
 * The settlement wire shapes as a Jackson module: {@link Plan} both ways (see {@link PlanWire}),
 * {@link LedgerOrder} read (see {@link OrderWire}), and {@link Bill} as {@code bill_info},
 * {@link UnpaidList} as {@code unpaid_list} and {@link Period} as {@code {"begin","end","settle"}} written.
 * {@link io.settlekit.formats.json.SettlekitJson#newMapper()} registers it.
 *
 * <p>Thread-safe: registers stateless serializers; configure it before the mapper is shared, as Jackson requires.
 */
public final class BillingJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The module with every serializer and deserializer of the settlement context. */
    public BillingJacksonModule() {
        super("settlekit-settlement");
        addSerializer(Plan.class, new BillingJson.PlanSerializer());
        addDeserializer(Plan.class, new BillingJson.PlanDeserializer());
        addDeserializer(LedgerOrder.class, new BillingJson.OrderDeserializer());
        addSerializer(Period.class, new BillingJson.PeriodSerializer());
        addSerializer(Bill.class, new BillingJson.BillSerializer());
        addSerializer(UnpaidList.class, new BillingJson.UnpaidListSerializer());
    }
}
