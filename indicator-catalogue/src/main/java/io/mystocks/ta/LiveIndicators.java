package io.mystocks.ta;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;

/**
 * The indicators of one symbol and interval as its bars arrive: a bounded ta4j series of closed bars,
 * followed by the forming bar if there is one, with the instances of an {@link IndicatorSet} bound to it.
 *
 * <p>Design note. Every value that depends on its own past (EMA, Wilder's averages, running totals, SAR)
 * is kept per bar in a ring of doubles (see {@code Stepped}): a bar that is no longer the last is computed
 * once, from its final prices, when the next bar first needs it; the forming bar's value is computed again
 * only after the bar was replaced. Values that depend only on a window of prices (SMA, BBANDS, STOCH, ...)
 * are computed from the window when a snapshot asks. A snapshot thus costs one step per recursive line and
 * one window per windowed output, and allocates only the maps it returns.
 *
 * <p>Memory: the series keeps at most {@code maxBars} ta4j bars (about 210 bytes each with double
 * numbers), and every recursive line one double per bar; the standard set has 23 such lines and the SAR
 * (5 doubles per bar), about 130 KB per series at 301 bars. The module's README has the figures.
 *
 * <p>Not thread-safe: one owner (a stream task) drives it.
 */
public final class LiveIndicators {
    private final BarSeries series;
    private final List<IndicatorInstance> instances;
    private final Line[][] lines;
    private boolean hasForming;

    private LiveIndicators(IndicatorSet set, int maxBars) {
        if (maxBars < 2) {
            throw new IllegalArgumentException("maxBars must be at least 2, was " + maxBars);
        }
        this.series = Bars.series(maxBars);
        this.instances = set.instances();
        Prices prices = new Prices(series);
        this.lines = new Line[instances.size()][];
        for (int i = 0; i < instances.size(); i++) {
            lines[i] = instances.get(i).bind(prices);
        }
    }

    /** An empty series that keeps at most {@code maxBars} bars, the forming one included. */
    public static LiveIndicators create(IndicatorSet set, int maxBars) {
        return new LiveIndicators(set, maxBars);
    }

    /**
     * A series of closed bars, oldest first, and the forming bar after them if there is one.
     *
     * @param historySize how many closed bars to keep; one more slot holds the forming bar
     * @throws IllegalArgumentException when the bars are not in time order
     */
    public static LiveIndicators of(IndicatorSet set, List<Bar> closed, Bar forming, int historySize) {
        LiveIndicators result = new LiveIndicators(set, historySize + 1);
        for (Bar bar : closed) {
            if (!result.appendClosed(bar)) {
                throw new IllegalArgumentException("closed bars are not in time order at " + bar.key());
            }
        }
        if (forming != null && !result.putForming(forming)) {
            throw new IllegalArgumentException("forming bar " + forming.key() + " does not follow the history");
        }
        return result;
    }

    /**
     * Appends a bar that just closed: it replaces the forming bar of the same start, or follows the last
     * closed bar. False when it fits neither, and the caller must rebuild the series.
     */
    public boolean appendClosed(Bar bar) {
        if (hasForming) {
            if (!isLast(bar)) {
                return false;
            }
            series.addBar(Bars.toTa4j(bar), true);
            hasForming = false;
            return true;
        }
        if (!follows(bar)) {
            return false;
        }
        series.addBar(Bars.toTa4j(bar));
        return true;
    }

    /**
     * Sets the forming bar: replaces the forming bar of the same start, or follows the last closed bar.
     * False when it fits neither, and the caller must rebuild the series.
     */
    public boolean putForming(Bar bar) {
        if (hasForming) {
            if (!isLast(bar)) {
                return false;
            }
            series.addBar(Bars.toTa4j(bar), true);
            return true;
        }
        if (!follows(bar)) {
            return false;
        }
        series.addBar(Bars.toTa4j(bar));
        hasForming = true;
        return true;
    }

    public int barCount() {
        return series.getBarCount();
    }

    public boolean hasForming() {
        return hasForming;
    }

    /** Every instance's value at the latest bar, by key, in the set's order; empty before the first bar. */
    public Map<String, IndicatorValue> snapshot() {
        if (series.isEmpty()) {
            return Map.of();
        }
        int end = series.getEndIndex();
        int available = series.getBarCount();
        Map<String, IndicatorValue> values = new LinkedHashMap<>(instances.size() * 2);
        for (int i = 0; i < lines.length; i++) {
            IndicatorInstance instance = instances.get(i);
            values.put(instance.key(), instance.valueAt(lines[i], end, available));
        }
        return values;
    }

    private boolean isLast(Bar bar) {
        return !series.isEmpty() && series.getLastBar().getBeginTime().equals(bar.openTime());
    }

    private boolean follows(Bar bar) {
        return series.isEmpty() || !bar.openTime().isBefore(series.getLastBar().getEndTime());
    }
}
