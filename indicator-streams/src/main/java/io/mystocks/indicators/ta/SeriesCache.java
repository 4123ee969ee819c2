package io.mystocks.indicators.ta;

import io.mystocks.contracts.Bar;
import io.mystocks.ta.LiveIndicators;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The live indicator series ({@link LiveIndicators}) of a stream task, by {@code symbol|interval}, least
 * recently used first out. It is a cache only: the state stores are the source of truth, and a series
 * missing here, or found inconsistent with them, is rebuilt from them. The bound keeps memory flat however
 * many symbols a task owns.
 *
 * <p>Not thread-safe: one stream task owns it.
 */
public final class SeriesCache {
    private final Map<String, LiveIndicators> series;

    public SeriesCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.series = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LiveIndicators> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * The series of a key with {@code forming} as its latest bar (null when the latest bar is closed),
     * loaded with {@code rebuild} when it is missing or cannot take the bar.
     */
    public LiveIndicators withForming(String key, Bar forming, Supplier<LiveIndicators> rebuild) {
        LiveIndicators cached = series.get(key);
        if (cached != null && (forming == null || cached.putForming(forming))) {
            return cached;
        }
        LiveIndicators rebuilt = rebuild.get();
        series.put(key, rebuilt);
        return rebuilt;
    }

    /** Appends a bar that just closed to a cached series; a series that cannot take it is dropped. */
    public void appendClosed(String key, Bar closed) {
        LiveIndicators cached = series.get(key);
        if (cached != null && !cached.appendClosed(closed)) {
            series.remove(key);
        }
    }

    /** Forgets the series of a key, whose bars changed other than at the end; the next use rebuilds it. */
    public void invalidate(String key) {
        series.remove(key);
    }

    public void clear() {
        series.clear();
    }

    int size() {
        return series.size();
    }
}
