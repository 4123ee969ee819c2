package io.mystocks.indicators.topology;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store of this task whose values are also kept decoded in memory, absent keys included. Every
 * quote reads the latest bar of eight series and the symbol's trading day, and every tick reads them again to
 * publish them; the view spares each of those reads a store lookup and a decode.
 *
 * <p>Writes go through to the store at once, so the store, its changelog and the exactly-once commit see
 * exactly what they saw without this view. The processor is the store's only writer, and it drops the view
 * whenever its task is (re)initialised, which is also when Streams restores the store after an aborted
 * transaction. Memory: one decoded value per key the task has seen (for 5,000 symbols about 40,000 bars and
 * 5,000 trading days over all tasks, some 25 MB).
 *
 * <p>Not thread-safe: one stream task owns it.
 */
final class DecodedStore<V> {
    private static final Object ABSENT = new Object();

    private final KeyValueStore<String, V> store;
    private final Map<String, Object> decoded = new HashMap<>();

    DecodedStore(KeyValueStore<String, V> store) {
        this.store = store;
    }

    @SuppressWarnings("unchecked")
    V get(String key) {
        Object value = decoded.get(key);
        if (value == null) {
            V stored = store.get(key);
            decoded.put(key, stored == null ? ABSENT : stored);
            return stored;
        }
        return value == ABSENT ? null : (V) value;
    }

    void put(String key, V value) {
        store.put(key, value);
        decoded.put(key, value == null ? ABSENT : value);
    }

    /** The underlying store, for scans; its values are the same as this view's. */
    KeyValueStore<String, V> store() {
        return store;
    }
}
