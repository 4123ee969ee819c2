package io.mystocks.ta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LiveIndicatorsTest {
    private static final IndicatorSet EVERY_DEFINITION = IndicatorSet.of(IndicatorCatalogue.standard().definitions()
            .stream().map(IndicatorDefinition::defaults).toList());

    static Stream<Arguments> data() {
        return Stream.of(Arguments.of("AAPL 1d", MarketData.apple()), Arguments.of("ETHUSD 5m", MarketData.ether()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("data")
    void aStreamOfFormingAndClosedBarsGivesTheValuesOfTheWholeSeries(String data, List<Bar> bars) {
        Map<String, List<IndicatorPoint>> batch = batch(EVERY_DEFINITION, bars);
        LiveIndicators live = LiveIndicators.create(EVERY_DEFINITION, bars.size() + 1);

        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            for (double progress : new double[] {0, 0.5}) {
                Bar forming = forming(bar, progress);
                assertThat(live.putForming(forming)).isTrue();
                if (i % 7 == 0) {
                    assertMatchesBatch(live.snapshot(), batch(EVERY_DEFINITION, with(bars.subList(0, i), forming)), i,
                            data + " forming");
                }
            }
            assertThat(live.appendClosed(bar)).isTrue();

            assertMatchesBatch(live.snapshot(), batch, i, data + " closed");
        }
    }

    @Test
    void valuesStayContinuousWhileTheWindowSlidesOverOldBars() {
        List<Bar> bars = MarketData.apple();
        Map<String, List<IndicatorPoint>> batch = batch(IndicatorSet.standard(), bars);
        LiveIndicators live = LiveIndicators.create(IndicatorSet.standard(), 100);

        for (int i = 0; i < bars.size(); i++) {
            live.putForming(forming(bars.get(i), 0.5));
            live.appendClosed(bars.get(i));

            Map<String, IndicatorValue> snapshot = live.snapshot();
            int index = i;
            assertThat(live.barCount()).isEqualTo(Math.min(i + 1, 100));
            snapshot.forEach((key, value) -> {
                assertThat(value.barsAvailable()).isEqualTo(live.barCount());
                Close.assertOutputs(value.outputs(), batch.get(key).get(index).outputs(), key + " at bar " + index);
            });
        }
    }

    @Test
    void beforeTheWarmUpAValueIsNotReadyAndHasNoOutputs() {
        List<Bar> bars = MarketData.apple().subList(0, 19);

        Map<String, IndicatorValue> values = LiveIndicators.of(IndicatorSet.standard(), bars, null, 300).snapshot();

        assertThat(values.get("SMA_20").ready()).isFalse();
        assertThat(values.get("SMA_20").outputs()).isEmpty();
        assertThat(values.get("SMA_20").warmupBars()).isEqualTo(20);
        assertThat(values.get("SMA_20").barsAvailable()).isEqualTo(19);
        assertThat(values.get("RSI_14").ready()).isTrue();
        assertThat(values.get("MACD_12_26_9").warmupBars()).isEqualTo(34);
        assertThat(LiveIndicators.create(IndicatorSet.standard(), 10).snapshot()).isEmpty();
    }

    @Test
    void aClosedBarReplacesItsFormingVersionAndTheNextFormingBarFollows() {
        List<Bar> bars = MarketData.apple();
        LiveIndicators live = LiveIndicators.of(IndicatorSet.standard(), bars.subList(0, 1), forming(bars.get(1), 0),
                300);

        boolean closed = live.appendClosed(bars.get(1));
        boolean next = live.putForming(forming(bars.get(2), 0));

        assertThat(closed).isTrue();
        assertThat(next).isTrue();
        assertThat(live.hasForming()).isTrue();
        assertThat(live.barCount()).isEqualTo(3);
    }

    @Test
    void aBarThatDoesNotFollowTheSeriesIsRefusedSoTheCallerRebuilds() {
        List<Bar> bars = MarketData.apple();
        LiveIndicators live = LiveIndicators.of(IndicatorSet.standard(), bars.subList(0, 2), forming(bars.get(2), 0),
                300);

        assertThat(live.putForming(forming(bars.get(3), 0))).isFalse();
        assertThat(live.appendClosed(bars.get(1))).isFalse();
        assertThat(live.barCount()).isEqualTo(3);
        assertThatThrownBy(() -> LiveIndicators.of(IndicatorSet.standard(), List.of(bars.get(1), bars.get(0)), null,
                300)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSeriesKeepsTheHistorySizePlusTheFormingBar() {
        List<Bar> bars = MarketData.apple();
        LiveIndicators live = LiveIndicators.of(IndicatorSet.standard(), List.of(), null, 30);

        for (int i = 0; i < 40; i++) {
            live.appendClosed(bars.get(i));
        }
        live.putForming(forming(bars.get(40), 0));

        assertThat(live.barCount()).isEqualTo(31);
    }

    private static void assertMatchesBatch(Map<String, IndicatorValue> snapshot,
                                           Map<String, List<IndicatorPoint>> batch, int index, String description) {
        assertThat(snapshot.keySet()).isEqualTo(batch.keySet());
        snapshot.forEach((key, value) -> {
            IndicatorPoint expected = batch.get(key).get(index);
            assertThat(value.ready()).as("%s %s at bar %d", description, key, index).isEqualTo(expected.ready());
            assertThat(value.barsAvailable()).isEqualTo(index + 1);
            Close.assertOutputs(value.outputs(), expected.outputs(), description + " " + key + " at bar " + index);
        });
    }

    private static Map<String, List<IndicatorPoint>> batch(IndicatorSet set, List<Bar> bars) {
        Map<String, List<IndicatorPoint>> batch = new LinkedHashMap<>();
        set.instances().forEach(instance -> batch.put(instance.key(), instance.series(bars)));
        return batch;
    }

    private static List<Bar> with(List<Bar> closed, Bar forming) {
        List<Bar> bars = new ArrayList<>(closed);
        bars.add(forming);
        return bars;
    }

    /** The bar as it may look part way: at 0 only its open has traded; at 0.5 half its volume, a close between. */
    static Bar forming(Bar bar, double progress) {
        BigDecimal open = bar.open();
        BigDecimal close = progress == 0 ? open : open.add(bar.close()).divide(BigDecimal.TWO);
        BigDecimal high = progress == 0 ? open : open.max(close).max(bar.high().subtract(BigDecimal.ONE).max(open));
        BigDecimal low = progress == 0 ? open : open.min(close);
        long volume = (long) (bar.volume() * progress);
        return new Bar(bar.symbol(), bar.interval(), bar.openTime(), bar.closeTime(), bar.tradingDay(), open, high, low,
                close, volume, close.multiply(BigDecimal.valueOf(volume)), 1, false);
    }
}
