package io.mystocks.ta;

import static io.mystocks.ta.LiveIndicatorsTest.forming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundSeriesTest {
    private static final List<IndicatorInstance> EVERY_DEFINITION = IndicatorCatalogue.standard().definitions()
            .stream().map(IndicatorDefinition::defaults).toList();

    @Test
    void instancesBoundAtAnyTimeFollowFormingAndClosedBarsAsTheWholeSeriesDoes() {
        List<Bar> bars = MarketData.apple();
        BoundSeries bound = BoundSeries.of(bars.subList(0, 50), bars.size());

        for (int i = 50; i < bars.size(); i++) {
            assertThat(bound.append(forming(bars.get(i), 0))).isTrue();
            assertThat(bound.replaceLast(forming(bars.get(i), 0.5))).isTrue();
            if (i % 11 == 0) {
                List<Bar> seen = new ArrayList<>(bars.subList(0, i));
                seen.add(forming(bars.get(i), 0.5));
                // One instance more each time: the late ones bind to a series already long and stepped.
                for (IndicatorInstance instance : EVERY_DEFINITION.subList(0, Math.min(EVERY_DEFINITION.size(),
                        (i - 50) / 11 + 1))) {
                    assertValue(bound.value(instance, 0), instance.series(seen).getLast(), seen.size(),
                            instance.key() + " forming at bar " + i);
                }
            }
            assertThat(bound.replaceLast(bars.get(i))).isTrue();
        }

        for (IndicatorInstance instance : EVERY_DEFINITION) {
            List<IndicatorPoint> expected = instance.series(bars);
            for (int back = 0; back < 5; back++) {
                IndicatorPoint point = expected.get(expected.size() - 1 - back);
                assertValue(bound.value(instance, back), point, bars.size() - back, instance.key() + " " + back
                        + " back");
            }
            List<IndicatorPoint> newest = bound.newest(instance, 120);
            assertThat(newest).hasSize(120);
            for (int i = 0; i < newest.size(); i++) {
                IndicatorPoint point = expected.get(expected.size() - 120 + i);
                assertThat(newest.get(i).time()).isEqualTo(point.time());
                assertThat(newest.get(i).ready()).isEqualTo(point.ready());
                Close.assertOutputs(newest.get(i).outputs(), point.outputs(), instance.key() + " point " + i);
            }
        }
    }

    @Test
    void aSlidingWindowKeepsTheNewestBarsAndTheValuesOfLiveIndicators() {
        List<Bar> bars = MarketData.apple();
        BoundSeries bound = BoundSeries.create(100);
        LiveIndicators live = LiveIndicators.create(IndicatorSet.standard(), 100);

        for (Bar bar : bars) {
            bound.append(bar);
            live.appendClosed(bar);
        }

        assertThat(bound.size()).isEqualTo(100);
        assertThat(bound.bar(0)).isEqualTo(bars.getLast());
        assertThat(bound.newestBars(3)).containsExactlyElementsOf(bars.subList(bars.size() - 3, bars.size()));
        live.snapshot().forEach((key, value) -> {
            IndicatorInstance instance = IndicatorSet.standard().instances().stream()
                    .filter(candidate -> candidate.key().equals(key)).findFirst().orElseThrow();
            IndicatorValue actual = bound.value(instance, 0);
            assertThat(actual.barsAvailable()).isEqualTo(100);
            Close.assertOutputs(actual.outputs(), value.outputs(), key);
        });
    }

    @Test
    void aBarOutOfOrderIsRefusedAndChangesNothingSoTheOwnerResets() {
        List<Bar> bars = MarketData.apple();
        BoundSeries bound = BoundSeries.of(bars.subList(0, 10), 300);
        IndicatorInstance sma = IndicatorSet.parse(List.of("SMA:timeperiod=5")).instances().getFirst();
        Map<String, Double> before = bound.value(sma, 0).outputs();

        assertThat(bound.append(bars.get(3))).isFalse();
        assertThat(bound.replaceLast(bars.get(10))).isFalse();

        assertThat(bound.size()).isEqualTo(10);
        assertThat(bound.value(sma, 0).outputs()).isEqualTo(before);
        bound.reset(bars.subList(0, 20));
        assertThat(bound.size()).isEqualTo(20);
        assertThat(bound.boundInstances()).isZero();
        assertThatThrownBy(() -> bound.reset(List.of(bars.get(1), bars.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(bound.isEmpty()).isTrue();
    }

    @Test
    void valuesBeyondTheBarsKeptAreNotReady() {
        BoundSeries bound = BoundSeries.of(MarketData.apple().subList(0, 3), 300);
        IndicatorInstance sma = IndicatorSet.parse(List.of("SMA:timeperiod=2")).instances().getFirst();

        assertThat(bound.value(sma, 1).ready()).isTrue();
        assertThat(bound.value(sma, 2).ready()).isFalse();
        assertThat(bound.value(sma, 5)).isEqualTo(new IndicatorValue(Map.of(), 2, 0, false));
        assertThat(bound.newest(sma, 10)).hasSize(3);
        assertThat(BoundSeries.create(10).newest(sma, 5)).isEmpty();
    }

    private static void assertValue(IndicatorValue actual, IndicatorPoint expected, int available, String what) {
        assertThat(actual.ready()).as(what).isEqualTo(expected.ready());
        assertThat(actual.barsAvailable()).as(what).isEqualTo(available);
        Close.assertOutputs(actual.outputs(), expected.outputs(), what);
    }
}
