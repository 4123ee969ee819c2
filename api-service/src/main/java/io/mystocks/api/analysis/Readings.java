package io.mystocks.api.analysis;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import io.mystocks.ta.IndicatorInstance;
import io.mystocks.ta.IndicatorSet;
import io.mystocks.ta.LiveIndicators;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bars of one analysis and the values of every indicator it reads at the newest bars. Values are read
 * from the newest bar back: {@code back} 0 is the newest bar, 1 the one before, at most {@link #MAX_BACK}.
 *
 * <p>All indicators are bound to one {@link LiveIndicators} series, fed the bars oldest first, with a
 * snapshot taken at each of the newest bars: one pass over the bars for every indicator together, some ten
 * times cheaper than a full series per indicator, and the same values indicator-streams publishes. The
 * read model's bars are in time order, each opening where its predecessor closed or later, as that series
 * requires.
 */
final class Readings {
    /** The furthest back any rule reads: the stochastic RSI's %D of the previous bar needs three bars more. */
    static final int MAX_BACK = 3;

    private final List<Bar> bars;
    private final Map<String, IndicatorInstance> bySpec = new LinkedHashMap<>();
    /** Snapshots of the newest bars, the newest first. */
    private final List<Map<String, IndicatorValue>> snapshots = new ArrayList<>(MAX_BACK + 1);

    /**
     * @param bars  oldest first, distinct open times
     * @param specs every indicator the analysis reads, as {@link IndicatorSet#parse} specs such as
     *              {@code SMA:timeperiod=10}
     */
    Readings(List<Bar> bars, Collection<String> specs) {
        this.bars = bars;
        Map<String, IndicatorInstance> byKey = new LinkedHashMap<>();
        for (String spec : specs) {
            IndicatorInstance instance = IndicatorSet.parse(List.of(spec)).instances().getFirst();
            bySpec.put(spec, byKey.computeIfAbsent(instance.key(), key -> instance));
        }
        int history = Math.max(0, bars.size() - 1 - MAX_BACK);
        LiveIndicators live = LiveIndicators.of(IndicatorSet.of(List.copyOf(byKey.values())),
                bars.subList(0, history), null, Math.max(1, bars.size()));
        for (Bar bar : bars.subList(history, bars.size())) {
            live.appendClosed(bar);
            snapshots.addFirst(live.snapshot());
        }
    }

    int size() {
        return bars.size();
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }

    Bar newest() {
        return bars.getLast();
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
        return bars.get(bars.size() - 1 - back);
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
            return back < snapshots.size() ? snapshots.get(back).get(instance.key()) : null;
        }
    }
}
