package io.mystocks.worker.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The closed bars of one symbol and interval by open time, bounded to the most recent {@code capacity}.
 * Records of a compacted topic arrive in offset order, not time order, so the history is kept sorted
 * rather than appended to; a bar older than a full history's oldest is dropped at once. Writers are the
 * read model's thread, readers the job threads.
 *
 * <p>Readers share one immutable copy until a write changes the bars: jobs read the same history far more
 * often than it changes (a daily history changes once a day), and the copy carries the data version, so
 * that is computed once per change too.
 */
final class BarHistory {
    private final String symbol;
    private final Interval interval;
    private final int capacity;
    private final NavigableMap<Instant, Bar> bars = new TreeMap<>();
    /** The copy readers share, or null after a change until the next read. */
    private ClosedBars held;

    BarHistory(String symbol, Interval interval, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.symbol = symbol;
        this.interval = interval;
        this.capacity = capacity;
    }

    /** Adds a closed bar, or replaces the bar of the same open time. */
    synchronized void put(Bar bar) {
        Bar replaced = bars.put(bar.openTime(), bar);
        if (!bar.equals(replaced)) {
            held = null;
        }
        while (bars.size() > capacity) {
            bars.pollFirstEntry();
            held = null;
        }
    }

    synchronized void remove(Instant openTime) {
        if (bars.remove(openTime) != null) {
            held = null;
        }
    }

    /** The bars with their data version, oldest first: the same instance until the bars change. */
    synchronized ClosedBars closed() {
        if (held == null) {
            held = new ClosedBars(symbol, interval, List.copyOf(bars.values()));
        }
        return held;
    }

    /** The bars, oldest first, as an immutable list. */
    List<Bar> bars() {
        return closed().bars();
    }

    synchronized int size() {
        return bars.size();
    }
}
