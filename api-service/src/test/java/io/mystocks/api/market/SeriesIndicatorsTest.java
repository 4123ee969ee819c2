package io.mystocks.api.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Json;
import io.mystocks.contracts.Topics;
import io.mystocks.ta.IndicatorCatalogue;
import io.mystocks.ta.IndicatorInstance;
import io.mystocks.ta.IndicatorPoint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesIndicatorsTest {
    private static final IndicatorInstance EMA = IndicatorCatalogue.standard().resolve("EMA",
            Map.of("timeperiod", "10"));
    private static final IndicatorInstance OBV = IndicatorCatalogue.standard().resolve("OBV", Map.of());

    private final MarketStore store = new MarketStore(300);
    private final SeriesIndicators indicators = new SeriesIndicators(store, 300, 2);
    private final List<Bar> bars = TestMarket.dailyBars("600519", LocalDate.of(2024, 1, 2),
            closes(120, 0));

    @Test
    void aFormingBarAndTheBarsAfterItAreSteppedAndGiveTheValuesOfTheWholeSeries() {
        store(bars.subList(0, 100));
        read(EMA);
        List<Bar> seen = new ArrayList<>(bars.subList(0, 100));

        for (Bar bar : bars.subList(100, 120)) {
            Bar forming = withClose(TestMarket.forming(bar), bar.close().add(BigDecimal.ONE));
            store(List.of(forming));
            assertLatest(withLast(seen, forming), EMA);
            store(List.of(bar));
            seen.add(bar);
            assertLatest(seen, EMA);
            assertLatest(seen, OBV);
        }

        assertThat(indicators.figures()).containsEntry("rebuilds", 1L).containsEntry("steps", 40L);
    }

    @Test
    void aBarStoredBeforeTheNewestRebuildsTheSeriesOnce() {
        store(bars.subList(0, 100));
        read(EMA);
        Bar corrected = withClose(bars.get(50), bars.get(50).close().add(BigDecimal.TEN));

        store(List.of(corrected));
        List<Bar> expected = new ArrayList<>(bars.subList(0, 100));
        expected.set(50, corrected);

        assertLatest(expected, EMA);
        assertLatest(expected, EMA);
        assertThat(indicators.figures()).containsEntry("rebuilds", 2L).containsEntry("steps", 0L);
    }

    @Test
    void aClosedNewestBarStoredAgainIsARewriteNotAStep() {
        store(bars.subList(0, 100));
        read(EMA);
        Bar again = withClose(bars.get(99), bars.get(99).close().add(BigDecimal.TEN));

        store(List.of(again));
        List<Bar> expected = new ArrayList<>(bars.subList(0, 99));
        expected.add(again);

        assertLatest(expected, EMA);
        assertThat(indicators.figures()).containsEntry("rebuilds", 2L);
    }

    @Test
    void aBarThatOverlapsItsPredecessorIsSkippedInsteadOfFailingTheRead() {
        store(bars.subList(0, 10));
        Bar last = bars.get(9);
        Bar overlapping = new Bar(last.symbol(), last.interval(), last.openTime().plusSeconds(3600),
                last.closeTime().plusSeconds(3600), last.tradingDay(), last.open(), last.high(), last.low(),
                last.close(), last.volume(), last.amount(), last.trades(), true);
        store(List.of(overlapping));

        int size = indicators.read("600519", Interval.D1, series -> series.size());

        assertThat(size).isEqualTo(10);
    }

    @Test
    void onlyTheMostRecentlyReadSeriesAreKept() {
        store(TestMarket.dailyBars("000001", LocalDate.of(2024, 1, 2), closes(30, 1)));
        store(TestMarket.dailyBars("000002", LocalDate.of(2024, 1, 2), closes(30, 2)));
        store(bars.subList(0, 30));

        indicators.read("000001", Interval.D1, series -> series.size());
        indicators.read("000002", Interval.D1, series -> series.size());
        indicators.read("600519", Interval.D1, series -> series.size());

        assertThat(indicators.figures().get("series")).isEqualTo(1);
        boolean empty = indicators.read("UNKNOWN", Interval.D1, series -> series.isEmpty());
        assertThat(empty).isTrue();
    }

    private void assertLatest(List<Bar> expected, IndicatorInstance instance) {
        IndicatorPoint reference = instance.series(expected).getLast();
        IndicatorValue value = read(instance);
        assertThat(value.ready()).isTrue();
        assertThat(value.barsAvailable()).isEqualTo(expected.size());
        reference.outputs().forEach((output, number) -> assertThat(value.outputs().get(output))
                .as("%s %s", instance.key(), output).isCloseTo(number, within(1e-9)));
    }

    private IndicatorValue read(IndicatorInstance instance) {
        return indicators.read("600519", Interval.D1, series -> series.value(instance, 0));
    }

    private void store(List<Bar> stored) {
        stored.forEach(bar -> store.apply(Topics.bars(bar.interval()).name(), bar.key(),
                Json.mapper().writeValueAsBytes(bar)));
    }

    private static List<Bar> withLast(List<Bar> bars, Bar last) {
        List<Bar> copy = new ArrayList<>(bars);
        copy.add(last);
        return copy;
    }

    private static Bar withClose(Bar bar, BigDecimal close) {
        return new Bar(bar.symbol(), bar.interval(), bar.openTime(), bar.closeTime(), bar.tradingDay(), bar.open(),
                bar.high().max(close), bar.low().min(close), close, bar.volume() + 7, bar.amount(), bar.trades(),
                bar.closed());
    }

    private static double[] closes(int count, int seed) {
        double[] closes = new double[count];
        for (int i = 0; i < count; i++) {
            closes[i] = 100 + seed + 10 * Math.sin(i / 5.0) + 0.2 * i;
        }
        return closes;
    }
}
