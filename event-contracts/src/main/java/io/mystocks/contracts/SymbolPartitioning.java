package io.mystocks.contracts;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Partitions every market-data record by its symbol alone. A key such as {@code 600519|1d} lands on
 * the same partition as the key {@code 600519}, as Kafka's default partitioner would place it, so
 * that one symbol's quotes, bars and indicators are co-partitioned across topics.
 */
public final class SymbolPartitioning {
    private SymbolPartitioning() {
    }

    /** The symbol a key starts with: the text before the first {@code |}, or the whole key. */
    public static String symbolOf(String key) {
        int bar = key.indexOf('|');
        return bar < 0 ? key : key.substring(0, bar);
    }

    public static int partition(String key, int numPartitions) {
        byte[] bytes = symbolOf(key).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(bytes)) % numPartitions;
    }
}
