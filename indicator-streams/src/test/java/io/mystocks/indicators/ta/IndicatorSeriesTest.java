package io.mystocks.indicators.ta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import io.mystocks.contracts.Interval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorSeriesTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00Z");

    @Test
    void valuesMatchAHandComputedSmaAndEmaOnceWarmedUp() {
        double[] closes = closes(25);
        List<Bar> closed = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            closed.add(bar(i, closes[i], true));
        }
        IndicatorSeries series = IndicatorSeries.of(closed, bar(24, closes[24], false), 300);

        Map<String, IndicatorValue> values = series.values();

        assertThat(values.get("SMA_20").ready()).isTrue();
        assertThat(values.get("SMA_20").outputs().get("value")).isCloseTo(sma(closes, 20), within(1e-9));
        assertThat(values.get("EMA_20").ready()).isTrue();
        assertThat(values.get("EMA_20").outputs().get("value")).isCloseTo(ta4jEma(closes, 20), within(1e-9));
        assertThat(values.get("EMA_20").warmupBars()).isEqualTo(21);
        assertThat(values.get("SMA_20").barsAvailable()).isEqualTo(25);
    }

    @Test
    void beforeTheWarmUpAValueIsNotReadyAndHasNoOutput() {
        double[] closes = closes(19);
        List<Bar> closed = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            closed.add(bar(i, closes[i], true));
        }

        Map<String, IndicatorValue> values = IndicatorSeries.of(closed, null, 300).values();

        assertThat(values.get("SMA_20").ready()).isFalse();
        assertThat(values.get("SMA_20").outputs()).isEmpty();
        assertThat(values.get("SMA_20").warmupBars()).isEqualTo(20);
        assertThat(values.get("SMA_20").barsAvailable()).isEqualTo(19);
        assertThat(values.get("RSI_14").ready()).isTrue();
    }

    @Test
    void anRsiOfOnlyRisingClosesIsAHundred() {
        List<Bar> closed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            closed.add(bar(i, 10 + i, true));
        }

        IndicatorValue rsi = IndicatorSeries.of(closed, null, 300).values().get("RSI_14");

        assertThat(rsi.outputs().get("value")).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void replacingTheFormingBarChangesTheLatestValueOnly() {
        List<Bar> closed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            closed.add(bar(i, 10, true));
        }
        IndicatorSeries series = IndicatorSeries.of(closed, bar(20, 10, false), 300);
        double before = series.values().get("SMA_20").outputs().get("value");

        boolean replaced = series.putForming(bar(20, 30, false));

        assertThat(replaced).isTrue();
        assertThat(before).isCloseTo(10.0, within(1e-9));
        assertThat(series.values().get("SMA_20").outputs().get("value")).isCloseTo(11.0, within(1e-9));
        assertThat(series.barCount()).isEqualTo(21);
    }

    @Test
    void aClosedBarReplacesItsFormingVersionAndTheNextFormingBarFollows() {
        IndicatorSeries series = IndicatorSeries.of(List.of(bar(0, 10, true)), bar(1, 11, false), 300);

        boolean closed = series.appendClosed(bar(1, 12, true));
        boolean next = series.putForming(bar(2, 13, false));

        assertThat(closed).isTrue();
        assertThat(next).isTrue();
        assertThat(series.barCount()).isEqualTo(3);
    }

    @Test
    void aBarThatDoesNotFollowTheSeriesIsRefusedSoTheCallerRebuilds() {
        IndicatorSeries series = IndicatorSeries.of(List.of(bar(0, 10, true), bar(1, 10, true)), bar(2, 10, false),
                300);

        assertThat(series.putForming(bar(3, 10, false))).isFalse();
        assertThat(series.appendClosed(bar(1, 10, true))).isFalse();
        assertThat(series.barCount()).isEqualTo(3);
    }

    @Test
    void theSeriesKeepsTheHistorySizePlusTheFormingBar() {
        IndicatorSeries series = IndicatorSeries.of(List.of(), null, 30);

        for (int i = 0; i < 40; i++) {
            series.appendClosed(bar(i, 10 + i, true));
        }
        series.putForming(bar(40, 50, false));

        assertThat(series.barCount()).isEqualTo(31);
    }

    @Test
    void theCacheRebuildsASeriesThatCannotTakeTheFormingBar() {
        SeriesCache cache = new SeriesCache(2);
        cache.withForming("600519|1m", bar(1, 10, false), () -> IndicatorSeries.of(List.of(bar(0, 10, true)),
                bar(1, 10, false), 300));

        IndicatorSeries rebuilt = cache.withForming("600519|1m", bar(5, 10, false),
                () -> IndicatorSeries.of(List.of(bar(4, 10, true)), bar(5, 10, false), 300));

        assertThat(rebuilt.barCount()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theCacheForgetsTheLeastRecentlyUsedSeries() {
        SeriesCache cache = new SeriesCache(2);
        for (String key : List.of("A|1m", "B|1m", "C|1m")) {
            cache.withForming(key, null, () -> IndicatorSeries.of(List.of(bar(0, 10, true)), null, 300));
        }

        assertThat(cache.size()).isEqualTo(2);
    }

    /** Closes that rise, fall and repeat, so that every indicator has work to do. */
    private static double[] closes(int count) {
        double[] closes = new double[count];
        for (int i = 0; i < count; i++) {
            closes[i] = 100 + i * 0.5 + (i % 3) * 0.25 - (i % 4 == 0 ? 1.1 : 0);
        }
        return closes;
    }

    private static double sma(double[] closes, int length) {
        double sum = 0;
        for (int i = closes.length - length; i < closes.length; i++) {
            sum += closes[i];
        }
        return sum / length;
    }

    /** ta4j's EMA: undefined for the first {@code length} bars, then seeded with the next close. */
    private static double ta4jEma(double[] closes, int length) {
        double k = 2.0 / (length + 1);
        double ema = closes[length];
        for (int i = length + 1; i < closes.length; i++) {
            ema += (closes[i] - ema) * k;
        }
        return ema;
    }

    private static Bar bar(int minute, double close, boolean closed) {
        Instant open = START.plusSeconds(60L * minute);
        BigDecimal price = BigDecimal.valueOf(close);
        return new Bar("600519", Interval.M1, open, open.plusSeconds(60), LocalDate.parse("2026-03-02"), price, price,
                price, price, 100, price.multiply(BigDecimal.valueOf(100)), 1, closed);
    }
}
