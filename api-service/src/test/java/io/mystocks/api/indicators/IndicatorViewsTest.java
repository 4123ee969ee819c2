package io.mystocks.api.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mystocks.api.market.MarketReads;
import io.mystocks.api.market.TestMarket;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.ta.BoundSeries;
import io.mystocks.ta.IndicatorCatalogue;
import io.mystocks.ta.IndicatorInstance;
import io.mystocks.ta.IndicatorPoint;
import io.mystocks.ta.IndicatorSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IndicatorViewsTest {
    private static final int LIMIT = 100;
    private static final List<Bar> BARS = randomWalk(1000);

    @ParameterizedTest
    @ValueSource(strings = {"EMA", "RSI", "MACD", "ADX", "KDJ", "SAR", "ATR", "STOCHRSI", "ADOSC", "BBANDS", "OBV"})
    void aSeriesIsTheNewestPointsOfTheIndicatorOverEveryBarWithTheirDates(String name) {
        IndicatorInstance instance = IndicatorCatalogue.standard().resolve(name, Map.of());
        IndicatorRequest request = new IndicatorRequest("600519", Interval.D1, LIMIT, instance);

        IndicatorViews.IndicatorSeries cut = IndicatorViews.series(request, BoundSeries.of(BARS, 1000));

        List<IndicatorPoint> all = instance.series(BARS);
        assertThat(cut.points()).hasSize(LIMIT);
        assertThat(cut.count()).isEqualTo(LIMIT);
        assertThat(cut.barsAvailable()).isEqualTo(BARS.size());
        assertThat(cut.key()).isEqualTo(instance.key());
        for (int i = 0; i < LIMIT; i++) {
            IndicatorViews.SeriesPoint point = cut.points().get(i);
            IndicatorPoint reference = all.get(all.size() - LIMIT + i);
            Bar bar = BARS.get(BARS.size() - LIMIT + i);
            assertThat(point.time()).isEqualTo(reference.time()).isEqualTo(bar.openTime());
            assertThat(point.date()).isEqualTo(MarketReads.date(bar));
            assertThat(point.ready()).isEqualTo(reference.ready()).isTrue();
            assertThat(point.values().keySet()).containsExactlyElementsOf(instance.outputs().stream()
                    .filter(reference.outputs()::containsKey).toList());
            reference.outputs().forEach((output, value) -> assertThat(point.values().get(output))
                    .as("%s %s at %s", instance.key(), output, point.time())
                    .isCloseTo(value, within(Math.abs(value) * 1e-12 + 1e-12)));
        }
    }

    @Test
    void theLatestValuesOfTheStandardSetSayTheyWereComputedHereAndForWhichBar() {
        Instant now = Instant.parse("2026-01-05T08:00:00Z");

        IndicatorViews.LatestIndicators latest = IndicatorViews.latest("600519", Interval.D1,
                BoundSeries.of(BARS, 1000), now);

        assertThat(latest.source()).isEqualTo(IndicatorViews.FROM_BARS);
        assertThat(latest.barOpenTime()).isEqualTo(BARS.getLast().openTime());
        assertThat(latest.count()).isEqualTo(IndicatorSet.standard().instances().size());
        assertThat(latest.indicators().get("SMA_20").values().get("value"))
                .isCloseTo(BARS.subList(980, 1000).stream().map(Bar::close).map(BigDecimal::doubleValue)
                        .mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
        assertThat(IndicatorViews.latest("600519", Interval.D1, BoundSeries.create(10), now).source())
                .isEqualTo(IndicatorViews.NOTHING);
    }

    private static List<Bar> randomWalk(int days) {
        Random random = new Random(7);
        double[] closes = new double[days];
        double price = 100;
        for (int i = 0; i < days; i++) {
            price *= Math.exp(random.nextGaussian() * 0.02);
            closes[i] = Math.round(price * 100) / 100.0;
        }
        return TestMarket.dailyBars("600519", LocalDate.of(2022, 1, 3), closes);
    }
}
