package io.mystocks.ta;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.ta4j.core.BarSeries;

/**
 * An indicator with every parameter set: validated, immutable, and able to compute itself over bars.
 * Obtain one from {@link IndicatorCatalogue#resolve(String, Map)} or {@link IndicatorDefinition#defaults()}.
 */
public final class IndicatorInstance {
    private final IndicatorDefinition definition;
    private final Params params;
    private final String key;
    private final int warmupBars;

    IndicatorInstance(IndicatorDefinition definition, Params params) {
        this.definition = definition;
        this.params = params;
        this.key = key(definition, params);
        this.warmupBars = definition.warmupBars(params);
    }

    public IndicatorDefinition definition() {
        return definition;
    }

    /** Every parameter's value ({@link Integer} or {@link Double}), in the definition's order. */
    public Map<String, Number> parameters() {
        return params.values();
    }

    /**
     * The instance's name in snapshots: the TA-Lib name followed by every parameter value, such as
     * {@code SMA_20}, {@code MACD_12_26_9} or {@code SAR_0.02_0.2}; just the name without parameters.
     */
    public String key() {
        return key;
    }

    /** Bars needed before a value is reported. */
    public int warmupBars() {
        return warmupBars;
    }

    public List<String> outputs() {
        return definition.outputs();
    }

    /**
     * The value at every bar.
     *
     * @param bars oldest first, distinct open times
     * @return one point per bar, in the same order
     */
    public List<IndicatorPoint> series(List<Bar> bars) {
        BarSeries series = Bars.series(bars);
        Line[] lines = bind(new Prices(series));
        List<IndicatorPoint> points = new ArrayList<>(bars.size());
        for (int index = 0; index < bars.size(); index++) {
            boolean ready = index + 1 >= warmupBars;
            Map<String, Double> outputs = ready ? Outputs.at(definition.outputs(), lines, index) : Map.of();
            points.add(new IndicatorPoint(bars.get(index).openTime(), outputs, ready));
        }
        return points;
    }

    /** The value at the last bar, with its warm-up state; not ready and empty for no bars. */
    public IndicatorValue latest(List<Bar> bars) {
        if (bars.isEmpty()) {
            return new IndicatorValue(Map.of(), warmupBars, 0, false);
        }
        BarSeries series = Bars.series(bars);
        return valueAt(bind(new Prices(series)), series.getEndIndex(), series.getBarCount());
    }

    Line[] bind(Prices prices) {
        return definition.bind(prices, params);
    }

    IndicatorValue valueAt(Line[] lines, int index, int barsAvailable) {
        if (barsAvailable < warmupBars) {
            return new IndicatorValue(Map.of(), warmupBars, barsAvailable, false);
        }
        return IndicatorValue.of(Outputs.at(definition.outputs(), lines, index), warmupBars, barsAvailable);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndicatorInstance that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }

    private static String key(IndicatorDefinition definition, Params params) {
        StringJoiner key = new StringJoiner("_");
        key.add(definition.name());
        params.values().values().forEach(value -> key.add(IndicatorParameter.format(value.doubleValue())));
        return key.toString();
    }
}
