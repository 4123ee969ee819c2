package io.mystocks.api.analysis;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import io.mystocks.ta.IndicatorInstance;
import io.mystocks.ta.IndicatorSet;
import io.mystocks.ta.BoundSeries;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bars of one analysis and the values of every indicator it reads at the newest bars. Values are read
 * from the newest bar back: {@code back} 0 is the newest bar, 1 the one before, at most {@link #MAX_BACK}.
 *
 * <p>The values come from the series' indicator state, kept between requests ({@link BoundSeries}): after
 * the forming bar changed, each indicator costs a step, not a pass over the bars, and its values are those
 * indicator-streams publishes. Each value is read from the state once per analysis.
 */
final class Readings {
    /** The furthest back any rule reads: the stochastic RSI's %D of the previous bar needs three bars more. */
    static final int MAX_BACK = 3;

    /** Specs resolve to the same instances every time: resolved once, not per request. */
    private static final Map<String, IndicatorInstance> RESOLVED = new ConcurrentHashMap<>();

    private final BoundSeries bars;
    private final Map<String, IndicatorInstance> bySpec = new HashMap<>();
    private final Map<IndicatorInstance, IndicatorValue[]> values = new HashMap<>();

    /**
     * @param bars  the series, read only while this object is used
     * @param specs every indicator the analysis reads, as {@link IndicatorSet#parse} specs such as
     *              {@code SMA:timeperiod=10}
     */
    Readings(BoundSeries bars, Collection<String> specs) {
        this.bars = bars;
        for (String spec : specs) {
            bySpec.put(spec, RESOLVED.computeIfAbsent(spec,
                    s -> IndicatorSet.parse(List.of(s)).instances().getFirst()));
        }
    }

    int size() {
        return bars.size();
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }

    Bar newest() {
        return bars.bar(0);
    }

    /** The close {@code back} bars before the newest; the caller checks there are that many. */
    double close(int back) {
        return bar(back).close().doubleValue();
    }

    double high(int back) {
        return bar(back).high().doubleValue();
    }

    double low(int back) {
        return bar(back).low().doubleValue();
    }

    /**
     * The values of an indicator spec given to the constructor.
     *
     * @throws IllegalStateException for a spec the analysis did not declare: a fault of this code
     */
    Line line(String spec) {
        IndicatorInstance instance = bySpec.get(spec);
        if (instance == null) {
            throw new IllegalStateException("indicator " + spec + " is read but was not declared to the readings");
        }
        return new Line(instance);
    }

    private Bar bar(int back) {
        return bars.bar(back);
    }

    /** One indicator's values at the newest bars. */
    final class Line {
        private final IndicatorInstance instance;

        private Line(IndicatorInstance instance) {
            this.instance = instance;
        }

        IndicatorInstance instance() {
            return instance;
        }

        String key() {
            return instance.key();
        }

        /** The output {@code back} bars before the newest, or null before the warm-up or where it is undefined. */
        Double value(String output, int back) {
            if (back > MAX_BACK) {
                throw new IllegalArgumentException("readings keep " + MAX_BACK + " bars back, not " + back);
            }
            IndicatorValue value = at(back);
            return value == null || !value.ready() ? null : value.outputs().get(output);
        }

        /** Every output at the newest bar; empty before the warm-up. */
        Map<String, Double> newest() {
            IndicatorValue value = at(0);
            return value == null ? Map.of() : value.outputs();
        }

        boolean ready() {
            IndicatorValue value = at(0);
            return value != null && value.ready();
        }

        /** Bars needed before this line has a value {@code back} bars before the newest. */
        int barsNeeded(int back) {
            return instance.warmupBars() + back;
        }

        private IndicatorValue at(int back) {
            if (back >= bars.size()) {
                return null;
            }
            IndicatorValue[] read = values.computeIfAbsent(instance, i -> new IndicatorValue[MAX_BACK + 1]);
            if (read[back] == null) {
                read[back] = bars.value(instance, back);
            }
            return read[back];
        }
    }
}
