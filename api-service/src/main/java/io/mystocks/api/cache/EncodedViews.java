package io.mystocks.api.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The JSON of views made from read-model values, encoded again only when one of those values was replaced.
 * Read-model values are immutable and replaced whole when they change, so the values a view was made from,
 * compared by identity, are its version: no counter to keep, no key to expire. One entry per key (a symbol, a
 * series), so the size is bounded by the keys the read model knows.
 *
 * @param <K> what a view is of, such as a symbol
 */
public final class EncodedViews<K> {
    private final ConcurrentHashMap<K, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The view's JSON, encoded again when any of the values it is made from is not the one it was encoded
     * from. Two threads may both encode a changed view; either result is right.
     *
     * @param first  a value the view is made from; null for none
     * @param second another one, or null
     * @param third  another one, or null
     */
    public byte[] get(K key, Object first, Object second, Object third, Supplier<byte[]> encode) {
        Entry entry = entries.get(key);
        if (entry != null && entry.first == first && entry.second == second && entry.third == third) {
            return entry.json;
        }
        byte[] json = encode.get();
        entries.put(key, new Entry(first, second, third, json));
        return json;
    }

    /** Views held. */
    public int size() {
        return entries.size();
    }

    private record Entry(Object first, Object second, Object third, byte[] json) {
    }
}
