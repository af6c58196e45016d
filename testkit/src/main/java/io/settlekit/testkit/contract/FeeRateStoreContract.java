package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.money.FeeRate;
import io.settlekit.money.FeeRateStore;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link FeeRateStore}: append-only history, "rate at instant t" = latest saved at or
 * before t, later append wins on equal save times, stations kept apart and their ids kept verbatim.
 * An adapter's test extends this class and implements {@link #newStore()}.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class FeeRateStoreContract {

    /** A new, empty store. */
    protected abstract FeeRateStore newStore();

    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    private FeeRateStore store;

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private static FeeRate rate(String station, String from, String to, String value, Instant at) {
        return new FeeRate(station, from, to, new BigDecimal(value), at);
    }

    @Test
    void anEmptyStoreHasNoRates() {
        assertThat(store.rateAt("T1", "HKD", "CNY", T0)).isEmpty();
        assertThat(store.ratesAt("T1", T0)).isEmpty();
    }

    @Test
    void aRateIsInForceFromTheSecondItWasSaved() {
        FeeRate saved = rate("T1", "HKD", "CNY", "0.9235", T0);
        store.append(saved);

        assertThat(store.rateAt("T1", "HKD", "CNY", T0)).contains(saved);
        assertThat(store.rateAt("T1", "HKD", "CNY", T0.plusSeconds(86_400 * 400L))).contains(saved);
        assertThat(store.rateAt("T1", "HKD", "CNY", T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void historyAnswersWithTheRateInForceAtEachInstant() {
        FeeRate first = rate("T1", "HKD", "CNY", "0.9100", T0);
        FeeRate second = rate("T1", "HKD", "CNY", "0.9200", T0.plusSeconds(3600));
        FeeRate third = rate("T1", "HKD", "CNY", "0.9300", T0.plusSeconds(7200));
        store.append(first);
        store.append(second);
        store.append(third);

        assertThat(store.rateAt("T1", "HKD", "CNY", T0.plusSeconds(1))).contains(first);
        assertThat(store.rateAt("T1", "HKD", "CNY", T0.plusSeconds(3599))).contains(first);
        assertThat(store.rateAt("T1", "HKD", "CNY", T0.plusSeconds(3600))).contains(second);
        assertThat(store.rateAt("T1", "HKD", "CNY", T0.plusSeconds(7199))).contains(second);
        assertThat(store.rateAt("T1", "HKD", "CNY", T0.plusSeconds(9000))).contains(third);
    }

    @Test
    void onEqualSaveTimesTheLaterAppendWins() {
        store.append(rate("T1", "HKD", "CNY", "0.9100", T0));
        FeeRate later = rate("T1", "HKD", "CNY", "0.9199", T0);
        store.append(later);

        assertThat(store.rateAt("T1", "HKD", "CNY", T0)).contains(later);
        assertThat(store.ratesAt("T1", T0)).containsExactly(later);
    }

    @Test
    void aRateAppendedWithAnEarlierSaveTimeTakesItsPlaceInHistory() {
        FeeRate late = rate("T1", "HKD", "CNY", "0.9300", T0.plusSeconds(7200));
        FeeRate early = rate("T1", "HKD", "CNY", "0.9100", T0);
        store.append(late);
        store.append(early);

        assertThat(store.rateAt("T1", "HKD", "CNY", T0.plusSeconds(60))).contains(early);
        assertThat(store.rateAt("T1", "HKD", "CNY", T0.plusSeconds(7200))).contains(late);
    }

    @Test
    void listsTheCurrentRateOfEveryPairOrderedByFromThenTo() {
        store.append(rate("T1", "HKD", "CNY", "0.9100", T0));
        store.append(rate("T1", "CNY", "HKD", "1.0900", T0));
        store.append(rate("T1", "HKD", "CNY", "0.9235", T0.plusSeconds(60)));
        store.append(rate("T1", "CNY", "AUD", "0.2100", T0.plusSeconds(60)));
        FeeRate future = rate("T1", "CNY", "HKD", "1.2000", T0.plusSeconds(3600));
        store.append(future);

        assertThat(store.ratesAt("T1", T0.plusSeconds(120)))
                .extracting(r -> r.from() + ">" + r.to() + "=" + r.value().toPlainString())
                .containsExactly("CNY>AUD=0.2100", "CNY>HKD=1.0900", "HKD>CNY=0.9235");
        assertThat(store.ratesAt("T1", T0.plusSeconds(3600))).contains(future);
    }

    @Test
    void pairsAreDirectional() {
        store.append(rate("T1", "HKD", "CNY", "0.9235", T0));

        assertThat(store.rateAt("T1", "CNY", "HKD", T0)).isEmpty();
    }

    @Test
    void stationsAreKeptApart() {
        FeeRate t1 = rate("T1", "HKD", "CNY", "0.9100", T0);
        FeeRate t2 = rate("T2", "HKD", "CNY", "0.9900", T0);
        store.append(t1);
        store.append(t2);

        assertThat(store.rateAt("T1", "HKD", "CNY", T0)).contains(t1);
        assertThat(store.rateAt("T2", "HKD", "CNY", T0)).contains(t2);
        assertThat(store.ratesAt("T3", T0)).isEmpty();
    }

    @Test
    void stationIdsAreMatchedExactlyAndKeptVerbatim() {
        FeeRate upper = rate("T1", "HKD", "CNY", "0.9100", T0);
        FeeRate lower = rate("t1", "HKD", "CNY", "0.9900", T0);
        FeeRate hostile = rate("x' OR '1'='1", "HKD", "CNY", "0.5000", T0);
        FeeRate unicode = rate("站点-香港", "HKD", "CNY", "0.7000", T0);
        store.append(upper);
        store.append(lower);
        store.append(hostile);
        store.append(unicode);

        assertThat(store.rateAt("T1", "HKD", "CNY", T0)).contains(upper);
        assertThat(store.rateAt("t1", "HKD", "CNY", T0)).contains(lower);
        assertThat(store.rateAt("x' OR '1'='1", "HKD", "CNY", T0)).contains(hostile);
        assertThat(store.ratesAt("x' OR '1'='1", T0)).containsExactly(hostile);
        assertThat(store.ratesAt("站点-香港", T0)).containsExactly(unicode);
        assertThat(store.ratesAt("' OR ''='", T0)).isEmpty();
    }

    @Test
    void keepsTheFullPrecisionOfTheColumn() {
        FeeRate largest = rate("T1", "HKD", "CNY", "99999999999.9999", T0);
        FeeRate smallest = rate("T1", "CNY", "HKD", "0.0001", T0);
        store.append(largest);
        store.append(smallest);

        assertThat(store.rateAt("T1", "HKD", "CNY", T0).orElseThrow().value()).isEqualByComparingTo("99999999999.9999");
        assertThat(store.rateAt("T1", "CNY", "HKD", T0).orElseThrow().value()).isEqualTo(new BigDecimal("0.0001"));
    }
}
