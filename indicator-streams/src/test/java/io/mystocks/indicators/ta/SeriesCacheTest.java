package io.mystocks.indicators.ta;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.ta.IndicatorSet;
import io.mystocks.ta.LiveIndicators;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache only: the indicator values themselves are tested in indicator-catalogue. */
class SeriesCacheTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00Z");

    @Test
    void aCachedSeriesTakesTheNextFormingBarWithoutARebuild() {
        SeriesCache cache = new SeriesCache(2);
        cache.withForming("600519|1m", bar(1, false), () -> series(List.of(bar(0, true)), bar(1, false)));
        cache.appendClosed("600519|1m", bar(1, true));

        LiveIndicators next = cache.withForming("600519|1m", bar(2, false), () -> {
            throw new AssertionError("rebuilt a series that could take the bar");
        });

        assertThat(next.barCount()).isEqualTo(3);
        assertThat(next.snapshot()).containsKey("SMA_20");
    }

    @Test
    void theCacheRebuildsASeriesThatCannotTakeTheFormingBar() {
        SeriesCache cache = new SeriesCache(2);
        cache.withForming("600519|1m", bar(1, false), () -> series(List.of(bar(0, true)), bar(1, false)));

        LiveIndicators rebuilt = cache.withForming("600519|1m", bar(5, false),
                () -> series(List.of(bar(4, true)), bar(5, false)));

        assertThat(rebuilt.barCount()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aClosedBarThatDoesNotFitDropsTheSeries() {
        SeriesCache cache = new SeriesCache(2);
        cache.withForming("600519|1m", bar(1, false), () -> series(List.of(bar(0, true)), bar(1, false)));

        cache.appendClosed("600519|1m", bar(7, true));

        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheForgetsTheLeastRecentlyUsedSeries() {
        SeriesCache cache = new SeriesCache(2);
        for (String key : List.of("A|1m", "B|1m", "C|1m")) {
            cache.withForming(key, null, () -> series(List.of(bar(0, true)), null));
        }

        assertThat(cache.size()).isEqualTo(2);
    }

    private static LiveIndicators series(List<Bar> closed, Bar forming) {
        return LiveIndicators.of(IndicatorSet.standard(), closed, forming, 300);
    }

    private static Bar bar(int minute, boolean closed) {
        Instant open = START.plusSeconds(60L * minute);
        BigDecimal price = BigDecimal.valueOf(10 + minute);
        return new Bar("600519", Interval.M1, open, open.plusSeconds(60), LocalDate.parse("2026-03-02"), price, price,
                price, price, 100, price.multiply(BigDecimal.valueOf(100)), 1, closed);
    }
}
