package io.mystocks.indicators.topology;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The last closed bars of every symbol and interval, at most {@code capacity} each, one store entry
 * per bar under {@code symbol|interval|openTime}. The open time is written as zero-padded epoch
 * milliseconds so that the store's byte order is time order, and a scan of {@code symbol|interval|}
 * reads one series oldest first. One entry per bar keeps a close to one changelog record (plus one
 * tombstone once the series is full) instead of rewriting the whole series.
 *
 * <p>Design note. Every bar dropped from a full series leaves a tombstone in RocksDB at the series' old
 * end until compaction removes it, and a scan from the start of the series' prefix steps over all of
 * them: after a backfill of five years of daily bars into a 300-bar history, each drop and each load
 * walked over hundreds of deleted keys, and the stream thread spent most of its time in RocksDB seeks.
 * So each series' entry count and oldest kept open time are kept in memory (found by one scan on first
 * use after a task starts), and every scan starts at the oldest kept bar, past the tombstones.
 */
final class BarHistory {
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();
    /** Sorts after every zero-padded open time: the upper bound of a series' range. */
    private static final String END_OF_SERIES = "9999999999999";

    private final KeyValueStore<String, Bar> store;
    private final int capacity;
    private final Map<String, Extent> extents = new HashMap<>();

    BarHistory(KeyValueStore<String, Bar> store, int capacity) {
        this.store = store;
        this.capacity = capacity;
    }

    static String key(Bar bar) {
        return prefix(bar.symbol(), bar.interval()) + openTime(bar.openTime().toEpochMilli());
    }

    /** Appends a closed bar and drops the oldest bars beyond the capacity. */
    void append(Bar bar) {
        String prefix = prefix(bar.symbol(), bar.interval());
        Extent extent = extents.computeIfAbsent(prefix, this::scan);
        String key = key(bar);
        Bar stored = store.get(key);
        if (stored == null) {
            extent.count++;
            extent.oldest = Math.min(extent.oldest, bar.openTime().toEpochMilli());
        }
        // A backfill run again brings the same bars: rewriting one would only add a changelog record.
        if (!bar.equals(stored)) {
            store.put(key, bar);
        }
        dropOldest(prefix, extent);
    }

    /** The closed bars of a series, oldest first, at most the capacity. */
    List<Bar> load(String symbol, Interval interval) {
        return load(symbol, interval, Instant.MAX);
    }

    /**
     * The closed bars of a series that end by {@code end}, oldest first, at most the capacity. A series may
     * hold backfilled bars later than a live bar that opened after them; indicators of that bar must not
     * see them.
     */
    List<Bar> load(String symbol, Interval interval, Instant end) {
        String prefix = prefix(symbol, interval);
        Extent extent = extents.computeIfAbsent(prefix, this::scan);
        List<Bar> bars = new ArrayList<>(Math.min(extent.count, capacity));
        if (extent.count == 0) {
            return bars;
        }
        try (KeyValueIterator<String, Bar> entries = rangeFrom(prefix, extent.oldest)) {
            while (entries.hasNext()) {
                Bar bar = entries.next().value;
                if (bar.closeTime().isAfter(end)) {
                    break;
                }
                bars.add(bar);
            }
        }
        return bars.size() <= capacity ? bars : List.copyOf(bars.subList(bars.size() - capacity, bars.size()));
    }

    /** Forgets what is known of each series in memory; the store stays as it is. */
    void reset() {
        extents.clear();
    }

    /** Deletes the oldest entries beyond the capacity, and moves the series' oldest open time past them. */
    private void dropOldest(String prefix, Extent extent) {
        int excess = extent.count - capacity;
        if (excess <= 0) {
            return;
        }
        List<String> dropped = new ArrayList<>(excess);
        try (KeyValueIterator<String, Bar> entries = rangeFrom(prefix, extent.oldest)) {
            while (dropped.size() < excess && entries.hasNext()) {
                dropped.add(entries.next().key);
            }
            extent.oldest = entries.hasNext() ? openTimeOf(prefix, entries.peekNextKey()) : Long.MAX_VALUE;
        }
        dropped.forEach(store::delete);
        extent.count -= dropped.size();
    }

    /** The entry count and oldest open time of a series, by one scan of its whole prefix. */
    private Extent scan(String prefix) {
        Extent extent = new Extent();
        try (KeyValueIterator<String, Bar> entries = store.prefixScan(prefix, PREFIX_SERIALIZER)) {
            while (entries.hasNext()) {
                extent.oldest = Math.min(extent.oldest, openTimeOf(prefix, entries.next().key));
                extent.count++;
            }
        }
        return extent;
    }

    private KeyValueIterator<String, Bar> rangeFrom(String prefix, long oldestOpenMillis) {
        return store.range(prefix + openTime(oldestOpenMillis), prefix + END_OF_SERIES);
    }

    private static long openTimeOf(String prefix, String key) {
        return Long.parseLong(key, prefix.length(), key.length(), 10);
    }

    private static String openTime(long epochMillis) {
        return String.format("%013d", epochMillis);
    }

    private static String prefix(String symbol, Interval interval) {
        return IndicatorSnapshot.key(symbol, interval) + '|';
    }

    /** What is known of one series without reading it: how many bars it holds and when the oldest opened. */
    private static final class Extent {
        int count;
        long oldest = Long.MAX_VALUE;
    }
}
