package io.settlekit.benchmarks.totals;

import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.money.Amount;
import io.settlekit.money.AmountColumn;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.money.FeeType;
import io.settlekit.money.RateBook;
import io.settlekit.money.memory.InMemoryFeeTypeStore;

import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.convert.CurrencyConversion;
import javax.money.convert.ExchangeRateProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Per-currency totals: 1,000,000 amounts in 3 currencies summed per currency, then converted to CNY.
 * Baseline: the same sums over a plain {@code long[]} and the same three conversions. Peers: Moneta
 * ({@code Money.add} and a JSR-354 {@code CurrencyConversion}) and Joda-Money.
 *
 * <p>Every variant reads the same million values (one seeded generator); each JVM fork builds only the
 * representation its variant reads, so no variant's garbage collections walk another library's million
 * objects, and forks start faster.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TotalsBenchmark {
    static final int SIZE = 1_000_000;
    private static final String[] CODES = {"CNY", "HKD", "USD"};
    private static final BigDecimal[] TO_CNY = {BigDecimal.ONE, new BigDecimal("0.9235"), new BigDecimal("7.1234")};
    private static final String STATION = "BENCH";

    private long[] fen;
    private int[] currency;
    private Amount[] amounts;
    private AmountColumn column;
    private MonetaryAmount[] monetaAmounts;
    private org.joda.money.Money[] jodaAmounts;
    private RateBook rateBook;
    private CurrencyConversion monetaToCny;
    private CurrencyUnit monetaCny;

    /** Builds the same million amounts in the representation the running variant reads. */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        String variant = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        setUp(variant);
    }

    /** Builds the amounts for {@code variant} ({@code baseline}, {@code settlekit}, {@code settlekitColumn}, {@code peerMoneta}, {@code peerJodaMoney}). */
    void setUp(String variant) {
        SplittableRandom random = new SplittableRandom(42);
        fen = new long[SIZE];
        currency = new int[SIZE];
        CurrencyUnit[] monetaUnits = new CurrencyUnit[CODES.length];
        org.joda.money.CurrencyUnit[] jodaUnits = new org.joda.money.CurrencyUnit[CODES.length];
        for (int c = 0; c < CODES.length; c++) {
            monetaUnits[c] = Monetary.getCurrency(CODES[c]);
            jodaUnits[c] = org.joda.money.CurrencyUnit.of(CODES[c]);
        }
        for (int i = 0; i < SIZE; i++) {
            currency[i] = random.nextInt(CODES.length);
            fen[i] = random.nextLong(-50_000, 5_000_000);
        }
        // one loop per representation, so that each one's objects lie together in memory as they would
        // when read from a database
        if (variant.equals("settlekit")) {
            amounts = new Amount[SIZE];
            for (int i = 0; i < SIZE; i++) {
                amounts[i] = Amount.ofMinor(CODES[currency[i]], fen[i]);
            }
        } else if (variant.equals("settlekitColumn")) {
            AmountColumn.Builder builder = AmountColumn.builder(SIZE);
            for (int i = 0; i < SIZE; i++) {
                builder.add(CODES[currency[i]], fen[i]);
            }
            column = builder.build();
        } else if (variant.equals("peerMoneta")) {
            monetaAmounts = new MonetaryAmount[SIZE];
            for (int i = 0; i < SIZE; i++) {
                monetaAmounts[i] = org.javamoney.moneta.Money.ofMinor(monetaUnits[currency[i]], fen[i]);
            }
        } else if (variant.equals("peerJodaMoney")) {
            jodaAmounts = new org.joda.money.Money[SIZE];
            for (int i = 0; i < SIZE; i++) {
                jodaAmounts[i] = org.joda.money.Money.ofMinor(jodaUnits[currency[i]], fen[i]);
            }
        }
        Settlekit kit = Settlekit.embedded()
                .clock(Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), Settlekit.DEFAULT_ZONE))
                .feeTypes(new InMemoryFeeTypeStore(List.of(FeeType.CNY, FeeType.HKD, new FeeType("USD", "美元", "美元", "$"))))
                .build();
        rateBook = kit.rateBook();
        rateBook.save(Actor.admin("bench"), STATION, "HKD", "CNY", TO_CNY[1]);
        rateBook.save(Actor.admin("bench"), STATION, "USD", "CNY", TO_CNY[2]);
        ExchangeRateProvider provider = rateBook.exchangeRateProvider(STATION);
        monetaCny = monetaUnits[0];
        monetaToCny = provider.getCurrencyConversion(monetaCny);
    }

    /** The physical limit: sums into a {@code long[]} indexed by currency, then three conversions. */
    @Benchmark
    public long baseline() {
        long[] sums = new long[CODES.length];
        long[] f = fen;
        int[] c = currency;
        for (int i = 0; i < f.length; i++) {
            sums[c[i]] += f[i];
        }
        long total = 0;
        for (int k = 0; k < sums.length; k++) {
            total += BigDecimal.valueOf(sums[k], 2).multiply(TO_CNY[k]).setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        }
        return total;
    }

    /** Settlekit: {@link CurrencyTotals} over {@link Amount}s, converted by the {@link RateBook}. */
    @Benchmark
    public long settlekit() {
        CurrencyTotals.Builder totals = CurrencyTotals.builder();
        for (Amount amount : amounts) {
            totals.add(amount);
        }
        return rateBook.convert(totals.build(), "CNY", STATION).fen();
    }

    /** Settlekit's bulk form: the same amounts in an {@link AmountColumn}, totalled, converted by the {@link RateBook}. */
    @Benchmark
    public long settlekitColumn() {
        return rateBook.convert(column.totals(), "CNY", STATION).fen();
    }

    /** Moneta: {@code Money.add} per currency, then a JSR-354 conversion of each sum. */
    @Benchmark
    public long peerMoneta() {
        MonetaryAmount[] sums = new MonetaryAmount[CODES.length];
        for (int i = 0; i < monetaAmounts.length; i++) {
            int c = currency[i];
            sums[c] = sums[c] == null ? monetaAmounts[i] : sums[c].add(monetaAmounts[i]);
        }
        MonetaryAmount total = org.javamoney.moneta.Money.zero(monetaCny);
        for (MonetaryAmount sum : sums) {
            total = total.add(sum.with(monetaToCny).with(Monetary.getDefaultRounding()));
        }
        return total.scaleByPowerOfTen(2).getNumber().longValueExact();
    }

    /** Joda-Money: {@code Money.plus} per currency, then {@code convertedTo} with the same rates. */
    @Benchmark
    public long peerJodaMoney() {
        org.joda.money.Money[] sums = new org.joda.money.Money[CODES.length];
        for (int i = 0; i < jodaAmounts.length; i++) {
            int c = currency[i];
            sums[c] = sums[c] == null ? jodaAmounts[i] : sums[c].plus(jodaAmounts[i]);
        }
        org.joda.money.CurrencyUnit cny = org.joda.money.CurrencyUnit.of("CNY");
        org.joda.money.Money total = org.joda.money.Money.zero(cny);
        for (int c = 0; c < sums.length; c++) {
            total = total.plus(c == 0 ? sums[c] : sums[c].convertedTo(cny, TO_CNY[c], RoundingMode.HALF_UP));
        }
        return total.getAmountMinorLong();
    }
}
