package io.mystocks.worker.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.worker.market.DataVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceSeriesCacheTest {
    private static final LocalDate START = LocalDate.of(2020, 1, 6);

    @Test
    void servesTheSeriesBuiltForADataVersionToEveryLaterBacktestOfEqualBars() {
        PriceSeriesCache cache = new PriceSeriesCache(4);
        List<Bar> bars = TestBars.randomWalk("600000", START, 50, 1);
        List<Bar> equal = TestBars.randomWalk("600000", START, 50, 1);

        PriceSeries first = cache.get(version(bars), bars);
        PriceSeries again = cache.get(version(equal), equal);

        assertThat(again).isSameAs(first);
        assertThat(first.size()).isEqualTo(50);
        assertThat(first.close(49)).isEqualTo(bars.getLast().close().doubleValue());
        assertThat(first.series().getBar(49).getClosePrice().doubleValue())
                .isEqualTo(bars.getLast().close().doubleValue());
    }

    @Test
    void buildsANewSeriesOnceTheBarsChange() {
        PriceSeriesCache cache = new PriceSeriesCache(4);
        List<Bar> bars = TestBars.randomWalk("600000", START, 50, 1);
        List<Bar> changed = new ArrayList<>(bars);
        Bar last = bars.getLast();
        changed.set(49, TestBars.daily("600000", last.tradingDay(), last.open().toPlainString(), "99.99"));
        List<Bar> longer = new ArrayList<>(bars);
        longer.add(TestBars.daily("600000", last.tradingDay().plusDays(3), "50", "51"));

        PriceSeries original = cache.get(version(bars), bars);
        PriceSeries afterChange = cache.get(version(changed), changed);
        PriceSeries afterAppend = cache.get(version(longer), longer);

        assertThat(afterChange).isNotSameAs(original);
        assertThat(afterChange.close(49)).isEqualTo(99.99);
        assertThat(afterAppend).isNotSameAs(original);
        assertThat(afterAppend.size()).isEqualTo(51);
        assertThat(cache.get(version(bars), bars)).isSameAs(original);
    }

    @Test
    void keepsAtMostItsCapacityAndDropsTheLeastRecentlyUsedFirst() {
        PriceSeriesCache cache = new PriceSeriesCache(2);
        List<Bar> a = TestBars.randomWalk("600000", START, 30, 1);
        List<Bar> b = TestBars.randomWalk("600036", START, 30, 2);
        List<Bar> c = TestBars.randomWalk("AAPL", START, 30, 3);
        PriceSeries seriesA = cache.get(version(a), a);
        PriceSeries seriesB = cache.get(version(b), b);
        cache.get(version(a), a);

        cache.get(version(c), c);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(version(a), a)).isSameAs(seriesA);
        assertThat(cache.get(version(b), b)).as("evicted, so built again").isNotSameAs(seriesB);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsNothingWithoutCapacity() {
        PriceSeriesCache cache = new PriceSeriesCache(0);
        List<Bar> bars = TestBars.randomWalk("600000", START, 30, 1);

        PriceSeries first = cache.get(version(bars), bars);

        assertThat(cache.get(version(bars), bars)).isNotSameAs(first);
        assertThat(cache.size()).isZero();
    }

    @Test
    void refusesANegativeCapacity() {
        assertThatThrownBy(() -> new PriceSeriesCache(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    private static DataVersion version(List<Bar> bars) {
        return DataVersion.of(bars.getFirst().symbol(), Interval.D1, bars);
    }
}
