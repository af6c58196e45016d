package io.settlekit;

import io.settlekit.currency.CurrencyRules;
import io.settlekit.money.FeeTypeCatalog;
import io.settlekit.money.RateBook;
import io.settlekit.money.memory.InMemoryFeeRateStore;
import io.settlekit.money.memory.InMemoryFeeTypeStore;
import io.settlekit.money.port.FeeRateStore;
import io.settlekit.money.port.FeeTypeStore;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The composition root hosts use: pick the adapters for the ports you need, leave the rest on their
 * in-memory defaults, and get the use cases.
 *
 * <pre>{@code
 * Settlekit kit = Settlekit.builder()
 *         .zone(ZoneId.of("Asia/Shanghai"))
 *         .feeRates(new MysqlFeeRateStore(dataSource, MysqlTables.defaults(), zone))
 *         .build();
 * kit.rateBook().save(actor, "T1001", "HKD", "CNY", new BigDecimal("0.9235"));
 * }</pre>
 *
 * <p>No static state: build as many as you like (one per tenant, one per test).
 */
public final class Settlekit {
    /** The zone used when a host sets none. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;
    private final ZoneId zone;
    private final FeeTypeCatalog feeTypes;
    private final RateBook rateBook;
    private final CurrencyRules currencyRules;

    private Settlekit(Builder builder) {
        this.zone = builder.zone;
        this.clock = builder.clock != null ? builder.clock : Clock.system(zone);
        this.feeTypes = new FeeTypeCatalog(builder.feeTypeStore);
        this.rateBook = new RateBook(builder.feeRateStore, feeTypes, clock, zone);
        this.currencyRules = new CurrencyRules(feeTypes);
    }

    /** A builder with every port on its in-memory default and the zone {@code Asia/Shanghai}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The clock every use case reads "now" from. */
    public Clock clock() {
        return clock;
    }

    /** The deployment zone in which dates are read. */
    public ZoneId zone() {
        return zone;
    }

    /** The fee type catalog. */
    public FeeTypeCatalog feeTypes() {
        return feeTypes;
    }

    /** Exchange rates: save, list, convert. */
    public RateBook rateBook() {
        return rateBook;
    }

    /** The currency consistency rules. */
    public CurrencyRules currencyRules() {
        return currencyRules;
    }

    /** Chooses adapters and settings; every setter is optional. */
    public static final class Builder {
        private Clock clock;
        private ZoneId zone = DEFAULT_ZONE;
        private FeeTypeStore feeTypeStore = InMemoryFeeTypeStore.seedCatalog();
        private FeeRateStore feeRateStore = new InMemoryFeeRateStore();

        private Builder() {
        }

        /** The clock to read "now" from (default: the system clock in the zone). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The deployment zone (default {@code Asia/Shanghai}); never the JVM's default zone. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The fee type catalog (default: CNY and HKD in memory). */
        public Builder feeTypes(FeeTypeStore store) {
            this.feeTypeStore = Objects.requireNonNull(store, "feeTypes");
            return this;
        }

        /** The rate history (default: in memory). */
        public Builder feeRates(FeeRateStore store) {
            this.feeRateStore = Objects.requireNonNull(store, "feeRates");
            return this;
        }

        /** Wires the use cases. */
        public Settlekit build() {
            return new Settlekit(this);
        }
    }
}
