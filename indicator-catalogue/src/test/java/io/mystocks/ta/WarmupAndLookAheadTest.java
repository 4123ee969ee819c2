package io.mystocks.ta;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every indicator of the catalogue, at its defaults, on real bars. */
class WarmupAndLookAheadTest {
    static Stream<Arguments> definitions() {
        return IndicatorCatalogue.standard().definitions().stream().flatMap(definition -> Stream.of(
                Arguments.of(definition.defaults(), "AAPL 1d", MarketData.apple()),
                Arguments.of(definition.defaults(), "ETHUSD 5m", MarketData.ether())));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("definitions")
    void nothingIsReportedBeforeTheWarmUpAndEveryOutputFromIt(IndicatorInstance instance, String data,
                                                             List<Bar> bars) {
        List<IndicatorPoint> points = instance.series(bars);

        for (int i = 0; i < points.size(); i++) {
            IndicatorPoint point = points.get(i);
            assertThat(point.time()).isEqualTo(bars.get(i).openTime());
            assertThat(point.ready()).as("%s ready at bar %d", instance, i).isEqualTo(i + 1 >= instance.warmupBars());
            if (point.ready()) {
                assertThat(point.outputs().keySet()).as("%s at bar %d", instance, i)
                        .containsExactlyInAnyOrderElementsOf(instance.outputs());
                assertThat(point.outputs().values()).allMatch(Double::isFinite);
            } else {
                assertThat(point.outputs()).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("definitions")
    void aValueDoesNotChangeWhenLaterBarsArrive(IndicatorInstance instance, String data, List<Bar> bars) {
        List<IndicatorPoint> full = instance.series(bars);

        for (int end : new int[] {instance.warmupBars(), bars.size() / 3, bars.size() / 2, bars.size() - 1}) {
            List<IndicatorPoint> prefix = instance.series(bars.subList(0, end));

            assertThat(prefix).as("%s over the first %d bars", instance, end).isEqualTo(full.subList(0, end));
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("definitions")
    void theLatestValueIsTheLastPointOfTheSeries(IndicatorInstance instance, String data, List<Bar> bars) {
        List<IndicatorPoint> full = instance.series(bars);

        IndicatorValue latest = instance.latest(bars);
        IndicatorValue early = instance.latest(bars.subList(0, instance.warmupBars() - 1));

        Close.assertOutputs(latest.outputs(), full.getLast().outputs(), instance.key());
        assertThat(latest.ready()).isTrue();
        assertThat(latest.warmupBars()).isEqualTo(instance.warmupBars());
        assertThat(latest.barsAvailable()).isEqualTo(bars.size());
        assertThat(early.ready()).isFalse();
        assertThat(early.outputs()).isEmpty();
        assertThat(instance.latest(List.of()).barsAvailable()).isZero();
    }
}
