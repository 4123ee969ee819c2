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
 * milliseconds so that the store's byte order is time order, and a prefix scan of {@code symbol|interval|}
 * reads one series oldest first. One entry per bar keeps a close to one changelog record (plus one
 * tombstone once the series is full) instead of rewriting the whole series.
 *
 * <p>Entry counts are cached per series and rebuilt on first use after a task starts.
 */
final class BarHistory {
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private final KeyValueStore<String, Bar> store;
    private final int capacity;
    private final Map<String, Integer> counts = new HashMap<>();

    BarHistory(KeyValueStore<String, Bar> store, int capacity) {
        this.store = store;
        this.capacity = capacity;
    }

    static String key(Bar bar) {
        return prefix(bar.symbol(), bar.interval()) + String.format("%013d", bar.openTime().toEpochMilli());
    }

    /** Appends a closed bar and drops the oldest bars beyond the capacity. */
    void append(Bar bar) {
        String prefix = prefix(bar.symbol(), bar.interval());
        int count = counts.computeIfAbsent(prefix, this::count);
        String key = key(bar);
        Bar stored = store.get(key);
        if (stored == null) {
            count++;
        }
        // A backfill run again brings the same bars: rewriting one would only add a changelog record.
        if (!bar.equals(stored)) {
            store.put(key, bar);
        }
        count -= dropOldest(prefix, count - capacity);
        counts.put(prefix, count);
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
        List<Bar> bars = new ArrayList<>();
        try (KeyValueIterator<String, Bar> entries = store.prefixScan(prefix(symbol, interval), PREFIX_SERIALIZER)) {
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

    /** Forgets the cached counts; the store stays as it is. */
    void reset() {
        counts.clear();
    }

    private int dropOldest(String prefix, int excess) {
        if (excess <= 0) {
            return 0;
        }
        List<String> oldest = new ArrayList<>(excess);
        try (KeyValueIterator<String, Bar> entries = store.prefixScan(prefix, PREFIX_SERIALIZER)) {
            while (oldest.size() < excess && entries.hasNext()) {
                oldest.add(entries.next().key);
            }
        }
        oldest.forEach(store::delete);
        return oldest.size();
    }

    private int count(String prefix) {
        int count = 0;
        try (KeyValueIterator<String, Bar> entries = store.prefixScan(prefix, PREFIX_SERIALIZER)) {
            while (entries.hasNext()) {
                entries.next();
                count++;
            }
        }
        return count;
    }

    private static String prefix(String symbol, Interval interval) {
        return IndicatorSnapshot.key(symbol, interval) + '|';
    }
}
