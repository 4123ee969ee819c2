package io.mystocks.worker.market;

import io.mystocks.contracts.Bar;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The closed bars of one symbol and interval by open time, bounded to the most recent {@code capacity}.
 * Records of a compacted topic arrive in offset order, not time order, so the history is kept sorted
 * rather than appended to; a bar older than a full history's oldest is dropped at once. Writers are the
 * read model's thread, readers the job threads.
 */
final class BarHistory {
    private final int capacity;
    private final NavigableMap<Instant, Bar> bars = new TreeMap<>();

    BarHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds a closed bar, or replaces the bar of the same open time. */
    synchronized void put(Bar bar) {
        bars.put(bar.openTime(), bar);
        while (bars.size() > capacity) {
            bars.pollFirstEntry();
        }
    }

    synchronized void remove(Instant openTime) {
        bars.remove(openTime);
    }

    /** A copy, oldest first. */
    synchronized List<Bar> bars() {
        return List.copyOf(bars.values());
    }

    synchronized int size() {
        return bars.size();
    }
}
