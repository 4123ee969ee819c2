package io.mystocks.benchmarks;

import io.mystocks.contracts.Json;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import io.mystocks.worker.backtest.BacktestResult;
import io.mystocks.worker.backtest.Backtests;
import io.mystocks.worker.market.BarSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One ten-year daily backtest of an A-share, as a job runs it: parameters bound, 2,520 closed bars read,
 * rules built, fills with costs, lots, T+1 and the price band, statistics, the downsampled curve and the
 * hashes. The bars are a seeded random walk, the same on every run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 2)
public class BacktestBenchmark {
    static final String SYMBOL = "600519";
    static final int BARS = 2_520;
    static final long SEED = 20_240_101L;

    @Param({"ma_cross", "macd_cross"})
    public String strategy;

    private Map<String, Object> params;
    private BarSource source;

    @Setup
    public void prepare() {
        List<Bar> bars = randomWalk(SYMBOL, LocalDate.of(2015, 1, 5), BARS, SEED);
        params = Map.of("symbols", List.of(SYMBOL));
        source = (symbol, interval) -> interval == Interval.D1 && symbol.equals(SYMBOL) ? bars : List.of();
    }

    @Benchmark
    public BacktestResult tenYearDailyBacktest() {
        return Backtests.run(strategy, params, source);
    }

    /** The same backtest and its result written as the JSON a job stores and publishes. */
    @Benchmark
    public byte[] tenYearDailyBacktestAsJson() {
        return Json.mapper().writeValueAsBytes(Backtests.run(strategy, params, source));
    }

    /**
     * Daily bars on weekdays: the open within about 0.4 % of the previous close, the close about 2 % a day
     * from the open, kept inside the 10 % band so that the band blocks nothing by accident.
     */
    static List<Bar> randomWalk(String symbol, LocalDate first, int count, long seed) {
        ZoneId zone = Market.of(symbol).zone();
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>(count);
        double close = 100;
        LocalDate day = first;
        for (int i = 0; i < count; i++) {
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            double open = close * (1 + clamp(random.nextGaussian() * 0.004));
            close = open * (1 + clamp(random.nextGaussian() * 0.02));
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.005);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.005);
            bars.add(new Bar(symbol, Interval.D1, day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(), day, cents(open), cents(high), cents(low),
                    cents(close), 1_000_000, cents(close * 1_000_000), 5_000, true));
            day = day.plusDays(1);
        }
        return bars;
    }

    private static double clamp(double move) {
        return Math.clamp(move, -0.045, 0.045);
    }

    private static BigDecimal cents(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
