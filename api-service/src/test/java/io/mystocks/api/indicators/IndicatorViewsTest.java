package io.mystocks.api.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mystocks.api.market.TestMarket;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.ta.IndicatorCatalogue;
import io.mystocks.ta.IndicatorInstance;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorViewsTest {
    private static final int LIMIT = 100;
    private static final List<Bar> BARS = randomWalk(1000);

    @ParameterizedTest
    @ValueSource(strings = {"EMA", "RSI", "MACD", "ADX", "KDJ", "SAR", "ATR", "STOCHRSI", "ADOSC", "BBANDS"})
    void theNewestPointsOverTheLeadAgreeWithTheSeriesOverEveryBar(String name) {
        IndicatorInstance instance = IndicatorCatalogue.standard().resolve(name, Map.of());
        IndicatorRequest request = new IndicatorRequest("600519", Interval.D1, LIMIT, instance);

        List<Bar> computed = instance.barsFor(BARS, LIMIT);
        IndicatorViews.IndicatorSeries cut = IndicatorViews.series(request, BARS);

        assertThat(computed).hasSizeLessThan(BARS.size());
        List<IndicatorViews.SeriesPoint> all = allPoints(instance, request);
        assertThat(cut.points()).hasSize(LIMIT);
        for (int i = 0; i < LIMIT; i++) {
            IndicatorViews.SeriesPoint point = cut.points().get(i);
            IndicatorViews.SeriesPoint reference = all.get(all.size() - LIMIT + i);
            assertThat(point.time()).isEqualTo(reference.time());
            assertThat(point.ready()).isEqualTo(reference.ready()).isTrue();
            reference.values().forEach((output, value) -> assertThat(point.values().get(output).doubleValue())
                    .as("%s %s at %s", instance.key(), output, point.time())
                    .isCloseTo(value.doubleValue(), within(Math.abs(value.doubleValue()) * 1e-6 + 1e-9)));
        }
        assertThat(cut.barsAvailable()).isEqualTo(BARS.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"OBV", "AD"})
    void runningTotalsAreAlwaysComputedOverEveryBar(String name) {
        IndicatorInstance instance = IndicatorCatalogue.standard().resolve(name, Map.of());

        List<Bar> computed = instance.barsFor(BARS, LIMIT);

        assertThat(computed).hasSameSizeAs(BARS);
    }

    /** The whole series over every bar, shaped as the endpoint shapes it: the reference. */
    private static List<IndicatorViews.SeriesPoint> allPoints(IndicatorInstance instance, IndicatorRequest request) {
        IndicatorRequest everything = new IndicatorRequest(request.symbol(), request.interval(), BARS.size(),
                instance);
        return IndicatorViews.series(everything, BARS).points();
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
