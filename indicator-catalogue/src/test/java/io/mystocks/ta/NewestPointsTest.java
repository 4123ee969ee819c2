package io.mystocks.ta;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewestPointsTest {
    private static final List<Bar> ETHER = MarketData.ether();

    @Test
    void theNewestPointsAreTheTailOfTheSeriesWhenTheLeadCoversEveryBar() {
        IndicatorInstance rsi = IndicatorCatalogue.standard().resolve("RSI", Map.of());
        List<Bar> apple = MarketData.apple();

        List<IndicatorPoint> newest = rsi.newest(apple, 20);

        List<IndicatorPoint> series = rsi.series(apple);
        assertThat(rsi.barsFor(apple, 20)).isSameAs(apple);
        assertThat(newest).containsExactlyElementsOf(series.subList(series.size() - 20, series.size()));
    }

    @Test
    void aLongSeriesIsComputedOverThePointsAndTheirLeadOnly() {
        IndicatorInstance ema = IndicatorCatalogue.standard().resolve("EMA", Map.of("timeperiod", "10"));

        List<Bar> used = ema.barsFor(ETHER, 50);

        assertThat(ETHER).hasSizeGreaterThan(300);
        assertThat(used).hasSize(50 + 250).isEqualTo(ETHER.subList(ETHER.size() - 300, ETHER.size()));
        assertThat(ema.newest(ETHER, 50)).hasSize(50).allMatch(IndicatorPoint::ready)
                .extracting(IndicatorPoint::time)
                .containsExactlyElementsOf(ETHER.subList(ETHER.size() - 50, ETHER.size()).stream()
                        .map(Bar::openTime).toList());
    }

    @Test
    void runningTotalsUseEveryBarBecauseTheirLevelDependsOnTheFirst() {
        IndicatorInstance obv = IndicatorCatalogue.standard().resolve("OBV", Map.of());

        List<IndicatorPoint> newest = obv.newest(ETHER, 10);

        List<IndicatorPoint> series = obv.series(ETHER);
        assertThat(obv.definition().runningTotal()).isTrue();
        assertThat(newest).containsExactlyElementsOf(series.subList(series.size() - 10, series.size()));
    }
}
