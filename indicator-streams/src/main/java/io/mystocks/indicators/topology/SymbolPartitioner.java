package io.mystocks.indicators.topology;

import io.mystocks.contracts.SymbolPartitioning;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Places a record by the symbol its key starts with, so one symbol's outputs share a partition. */
final class SymbolPartitioner<V> implements StreamPartitioner<String, V> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.of(Set.of(SymbolPartitioning.partition(key, numPartitions)));
    }
}
