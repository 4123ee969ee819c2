package io.mystocks.contracts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic's declaration: name, partitions, retention and what its records hold. The catalogue in
 * {@link Topics} is the single source for creating topics and for documenting them.
 *
 * @param retentionMs how long records are kept, or -1 for ever (compacted topics keep the latest
 *                    value of every key regardless)
 */
public record TopicSpec(String name, int partitions, boolean compacted, long retentionMs, String key,
                        String value, String description) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1 for " + name);
        }
    }

    /** The topic-level configuration this declaration implies. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, compacted
                ? (retentionMs < 0 ? TopicConfig.CLEANUP_POLICY_COMPACT
                        : TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
                : TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
        return configs;
    }

    public NewTopic newTopic(short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs());
    }
}
