package io.mystocks.api.market;

import io.mystocks.contracts.Bar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The newest bars of one symbol and interval by open time, at most {@code capacity} of them. One
 * thread writes (the feed); any number read without locks and see a consistent bar per entry.
 *
 * <p>Two counters tell readers what changed: {@link #version} counts every change, {@link #rewrites} only
 * those a reader that follows the series from its end cannot step over (a bar stored before the newest, a
 * closed bar stored again, a bar removed). Updating the forming bar, closing it and appending after it are
 * not rewrites. Each counter is raised after the change it counts, so a reader that reads a counter before
 * the bars sees at least the changes it counted.
 */
final class BarSeries {
    private final ConcurrentSkipListMap<Instant, Bar> bars = new ConcurrentSkipListMap<>();
    private final int capacity;
    /** Written by the feed thread only; ConcurrentSkipListMap.size() would walk the whole map. */
    private volatile int size;
    /** Written by the feed thread only: counts every change. */
    private volatile long version;
    /** Written by the feed thread only: counts the changes that are not at the end of the series. */
    private volatile long rewrites;

    BarSeries(int capacity) {
        this.capacity = capacity;
    }

    /** Stores the latest version of a bar and drops the oldest beyond capacity; returns the change in size. */
    int put(Bar bar) {
        Map.Entry<Instant, Bar> newest = bars.lastEntry();
        boolean atEnd = newest == null || bar.openTime().isAfter(newest.getKey())
                || bar.openTime().equals(newest.getKey()) && !newest.getValue().closed();
        int before = size;
        int after = before;
        if (bars.put(bar.openTime(), bar) == null) {
            after++;
        }
        while (after > capacity && bars.pollFirstEntry() != null) {
            after--;
        }
        size = after;
        if (!atEnd) {
            rewrites = rewrites + 1;
        }
        version = version + 1;
        return after - before;
    }

    /** Removes a bar; returns the change in size. */
    int remove(Instant openTime) {
        if (bars.remove(openTime) == null) {
            return 0;
        }
        size = size - 1;
        rewrites = rewrites + 1;
        version = version + 1;
        return -1;
    }

    int size() {
        return size;
    }

    long version() {
        return version;
    }

    long rewrites() {
        return rewrites;
    }

    /** Every bar kept, oldest first. */
    List<Bar> all() {
        return new ArrayList<>(bars.values());
    }

    /** The bars opening at or after {@code from}, oldest first. */
    List<Bar> from(Instant from) {
        return new ArrayList<>(bars.tailMap(from, true).values());
    }

    /**
     * The newest {@code limit} bars opening within [from, to], oldest first, and the bar before the
     * first of them (null if none is kept).
     */
    Window window(Instant from, Instant to, int limit) {
        NavigableMap<Instant, Bar> range = range(from, to);
        List<Bar> newestFirst = new ArrayList<>(Math.min(limit, size));
        Iterator<Bar> descending = range.descendingMap().values().iterator();
        while (newestFirst.size() < limit && descending.hasNext()) {
            newestFirst.add(descending.next());
        }
        if (newestFirst.isEmpty()) {
            return new Window(List.of(), null);
        }
        Collections.reverse(newestFirst);
        Map.Entry<Instant, Bar> previous = bars.lowerEntry(newestFirst.getFirst().openTime());
        return new Window(newestFirst, previous == null ? null : previous.getValue());
    }

    private NavigableMap<Instant, Bar> range(Instant from, Instant to) {
        if (from == null && to == null) {
            return bars;
        }
        if (from == null) {
            return bars.headMap(to, true);
        }
        return to == null ? bars.tailMap(from, true) : bars.subMap(from, true, to, true);
    }

    /** @param previous the bar just before the first one, for change figures; may be null */
    record Window(List<Bar> bars, Bar previous) {
    }
}
