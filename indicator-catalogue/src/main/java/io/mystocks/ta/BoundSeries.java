package io.mystocks.ta;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;

/**
 * The bars of one symbol and interval as a reader keeps them between requests, with any instance of the
 * catalogue bound to them on first use and kept bound while the bars change only at the end.
 *
 * <p>Design note. A reader that computes a different indicator per request cannot fix its set up front, as
 * {@link LiveIndicators} does; here an instance binds when it is first asked for, and from then on its
 * recursive lines keep their state per bar (see {@code Stepped}), so that after the forming bar changed a
 * value costs one step, and a series of the newest points one window per point. A change anywhere but at the
 * end (a bar corrected in the middle, the history backfilled) cannot be stepped: the owner calls
 * {@link #reset}, which rebuilds the series and unbinds every instance.
 *
 * <p>Memory: the series keeps at most {@code maxBars} ta4j bars (about 210 bytes each with double numbers)
 * and the contract bars they came from; every bound recursive line one double per bar and state field.
 *
 * <p>Not thread-safe: the owner serialises every call.
 */
public final class BoundSeries {
    private final int maxBars;
    private final Bar[] ring;
    private final Map<IndicatorInstance, Line[]> bound = new HashMap<>();
    private BarSeries series;
    private Prices prices;

    private BoundSeries(int maxBars) {
        if (maxBars < 2) {
            throw new IllegalArgumentException("maxBars must be at least 2, was " + maxBars);
        }
        this.maxBars = maxBars;
        this.ring = new Bar[maxBars];
        clear();
    }

    /** An empty series that keeps at most {@code maxBars} bars, the newest ones. */
    public static BoundSeries create(int maxBars) {
        return new BoundSeries(maxBars);
    }

    /** A series of {@code bars}, oldest first, keeping at most {@code maxBars} of them. */
    public static BoundSeries of(List<Bar> bars, int maxBars) {
        BoundSeries series = new BoundSeries(maxBars);
        series.reset(bars);
        return series;
    }

    /**
     * Replaces every bar and unbinds every instance.
     *
     * @param bars oldest first, each opening where its predecessor closed or later
     * @throws IllegalArgumentException when the bars are not in that order
     */
    public void reset(List<Bar> bars) {
        clear();
        for (Bar bar : bars) {
            if (!append(bar)) {
                clear();
                throw new IllegalArgumentException("bars are not in time order at " + bar.key());
            }
        }
    }

    /**
     * Adds a bar after the last one, dropping the oldest beyond {@code maxBars}; false, and nothing changed,
     * when it opens before the last bar closes.
     */
    public boolean append(Bar bar) {
        if (!series.isEmpty() && bar.openTime().isBefore(series.getLastBar().getEndTime())) {
            return false;
        }
        series.addBar(Bars.toTa4j(bar));
        ring[slot(series.getEndIndex())] = bar;
        return true;
    }

    /**
     * Replaces the last bar by a newer version of it (the forming bar updated, or closed); false, and nothing
     * changed, when {@code bar} opens at another time.
     */
    public boolean replaceLast(Bar bar) {
        if (series.isEmpty() || !series.getLastBar().getBeginTime().equals(bar.openTime())) {
            return false;
        }
        series.addBar(Bars.toTa4j(bar), true);
        ring[slot(series.getEndIndex())] = bar;
        return true;
    }

    public int size() {
        return series.getBarCount();
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** The bar {@code back} bars before the newest: 0 is the newest. */
    public Bar bar(int back) {
        return ring[slot(index(back))];
    }

    /** The newest {@code count} bars (fewer when fewer are kept), oldest first. */
    public List<Bar> newestBars(int count) {
        int n = Math.min(count, size());
        List<Bar> bars = new ArrayList<>(n);
        for (int back = n - 1; back >= 0; back--) {
            bars.add(bar(back));
        }
        return bars;
    }

    /**
     * The instance's value {@code back} bars before the newest, with its warm-up state counted over the bars
     * up to that one; not ready and empty where fewer bars are kept.
     */
    public IndicatorValue value(IndicatorInstance instance, int back) {
        if (back < 0) {
            throw new IllegalArgumentException("back must not be negative, was " + back);
        }
        int available = size() - back;
        if (available <= 0) {
            return new IndicatorValue(Map.of(), instance.warmupBars(), Math.max(0, available), false);
        }
        return instance.valueAt(lines(instance), index(back), available);
    }

    /**
     * The instance's points at the newest {@code count} bars, oldest first: the values of
     * {@link IndicatorInstance#series} over every bar kept.
     */
    public List<IndicatorPoint> newest(IndicatorInstance instance, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        int n = Math.min(count, size());
        Line[] lines = n == 0 ? null : lines(instance);
        int begin = series.getBeginIndex();
        List<String> outputs = instance.outputs();
        List<IndicatorPoint> points = new ArrayList<>(n);
        for (int back = n - 1; back >= 0; back--) {
            int index = index(back);
            boolean ready = index - begin + 1 >= instance.warmupBars();
            points.add(new IndicatorPoint(bar(back).openTime(),
                    ready ? Outputs.at(outputs, lines, index) : Map.of(), ready));
        }
        return points;
    }

    /** How many instances are bound now. */
    public int boundInstances() {
        return bound.size();
    }

    private Line[] lines(IndicatorInstance instance) {
        return bound.computeIfAbsent(instance, i -> i.bind(prices));
    }

    private int index(int back) {
        if (back >= size()) {
            throw new IndexOutOfBoundsException("bar " + back + " back of " + size());
        }
        return series.getEndIndex() - back;
    }

    private int slot(int index) {
        return index % maxBars;
    }

    private void clear() {
        series = Bars.series(maxBars);
        prices = new Prices(series);
        bound.clear();
        Arrays.fill(ring, null);
    }
}
