package io.mystocks.ta;

import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;

/**
 * A computation whose state at a bar follows from its state at the bar before (an exponential average, a
 * running total, the parabolic SAR), with a few numbers of state per bar.
 *
 * <p>Design note. Only the last bar of a series may change (a forming bar is replaced until it closes), so
 * the state of every earlier bar is computed once, in index order, and kept in a ring of primitive doubles
 * as large as the series' bar limit; the last bar's state never enters the ring. A bar therefore gets its
 * state from its final prices the first time it is read as a bar that is no longer the last. The last
 * bar's state is kept only while the series' last bar is the same object, which is how ta4j's
 * {@code CachedIndicator} keys its last-bar entry: bars must be replaced, never mutated in place
 * ({@code addTrade}), as {@link LiveIndicators} does. ta4j's cache gives the same guarantees but boxes every
 * value (about 20 bytes per bar and line against 8 here), and some ta4j indicators grow per-index maps
 * without bound.
 *
 * <p>Bars the series has dropped are forgotten with it; state is read from the series' first bar on. If a
 * series slides past bars that were never read, the state starts again from its first bar.
 *
 * <p>Not thread-safe: one owner computes.
 */
abstract class Stepped {
    private static final int INITIAL_CAPACITY = 16;

    private final BarSeries series;
    private final int width;
    private final double[] current;
    private final double[] filling;
    private double[] ring = new double[0];
    private int capacity;
    private int last = -1;
    private Bar currentBar;
    private int currentIndex = -1;

    Stepped(BarSeries series, int width) {
        this.series = series;
        this.width = width;
        this.current = new double[width];
        this.filling = new double[width];
    }

    /** Writes the state at {@code index} into {@code out}, reading earlier states through {@link #field}. */
    abstract void step(int index, double[] out);

    final BarSeries series() {
        return series;
    }

    /** How many bars the series holds before {@code index}: 0 at its first bar. */
    final int offset(int index) {
        return index - series.getBeginIndex();
    }

    /** One number of the state at {@code index}; NaN outside the bars the series holds. */
    final double field(int index, int field) {
        int begin = series.getBeginIndex();
        int end = series.getEndIndex();
        if (begin < 0 || index < begin || index > end) {
            return Double.NaN;
        }
        if (index == end) {
            return atEnd(index, field);
        }
        if (index > last) {
            fill(begin, index);
        }
        return ring[slot(index) + field];
    }

    /**
     * The last bar's state, computed again only when the series' last bar is another object: replacing a
     * forming bar always installs a new one, so several reads of one snapshot compute it once.
     */
    private double atEnd(int index, int field) {
        Bar bar = series.getBar(index);
        if (index != currentIndex || bar != currentBar) {
            currentIndex = -1;
            step(index, current);
            currentIndex = index;
            currentBar = bar;
        }
        return current[field];
    }

    private void fill(int begin, int index) {
        int from = Math.max(last + 1, begin);
        if (from > last + 1) {
            last = from - 1;
        }
        ensureCapacity(index - begin + 1, begin);
        for (int i = from; i <= index; i++) {
            step(i, filling);
            System.arraycopy(filling, 0, ring, slot(i), width);
            last = i;
        }
    }

    private void ensureCapacity(int needed, int begin) {
        if (needed <= capacity) {
            return;
        }
        int limit = Math.max(series.getMaximumBarCount(), needed);
        int grown = Math.min(limit, Math.max(needed, Math.max(INITIAL_CAPACITY, 2 * capacity)));
        double[] next = new double[grown * width];
        for (int i = Math.max(begin, last - capacity + 1); i <= last && capacity > 0; i++) {
            System.arraycopy(ring, slot(i), next, (i % grown) * width, width);
        }
        ring = next;
        capacity = grown;
    }

    private int slot(int index) {
        return (index % capacity) * width;
    }
}
