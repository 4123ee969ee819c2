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

    /**
     * How long a compacted topic's active segment stays open. Kafka compacts only closed segments, and with the
     * default segment of a week or a gigabyte a topic whose keys are rewritten all day (forming bars, indicator
     * snapshots) kept every version of every key: a reader starting from the beginning read them all (the
     * API's read model took a minute and a half after a restart on a few days of local data).
     */
    public static final long COMPACTED_SEGMENT_MS = 3_600_000L;

    /** The topic-level configuration this declaration implies. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, compacted
                ? (retentionMs < 0 ? TopicConfig.CLEANUP_POLICY_COMPACT
                        : TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
                : TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
        if (compacted) {
            configs.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(COMPACTED_SEGMENT_MS));
        }
        return configs;
    }

    public NewTopic newTopic(short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs());
    }
}
