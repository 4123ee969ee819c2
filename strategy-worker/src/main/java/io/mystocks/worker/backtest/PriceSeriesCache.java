package io.mystocks.worker.backtest;

import io.mystocks.contracts.Bar;
import io.mystocks.worker.market.DataVersion;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link PriceSeries} of recently backtested bars by their data version, at most {@code capacity} of
 * them; the least recently used goes first. Jobs backtest the same few histories again and again while
 * each changes about once a day, and building a series for every job was a large part of what a backtest
 * allocated. Bars that changed have a new version, so a series of older bars is never served again: it
 * waits to be evicted.
 *
 * <p>A series takes about 300 bytes a bar, 1.5 MB for 5,000 bars: the capacity bounds the memory the cache
 * holds.
 */
final class PriceSeriesCache {
    private final int capacity;
    /** In access order, so that the first entry is the least recently used; guarded by {@code this}. */
    private final Map<DataVersion, PriceSeries> entries = new LinkedHashMap<>(16, 0.75f, true);

    /** @param capacity the most series kept; 0 keeps none, so every backtest builds its own */
    PriceSeriesCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, not " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The series of {@code bars}, built if no series of their version is kept.
     *
     * @param version the data version of exactly {@code bars}
     */
    PriceSeries get(DataVersion version, List<Bar> bars) {
        synchronized (this) {
            PriceSeries kept = entries.get(version);
            if (kept != null) {
                return kept;
            }
        }
        // Built outside the lock: two jobs missing at once build twice rather than wait for each other.
        PriceSeries built = PriceSeries.of(version.symbol(), bars);
        if (capacity == 0) {
            return built;
        }
        synchronized (this) {
            PriceSeries raced = entries.putIfAbsent(version, built);
            evictBeyondCapacity();
            return raced != null ? raced : built;
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private void evictBeyondCapacity() {
        Iterator<PriceSeries> oldest = entries.values().iterator();
        for (int excess = entries.size() - capacity; excess > 0; excess--) {
            oldest.next();
            oldest.remove();
        }
    }
}
