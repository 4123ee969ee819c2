package io.mystocks.stack;

import io.mystocks.contracts.TopicSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Brings existing topics' configurations to what the catalogue declares, so that a data directory or a cluster
 * made by an earlier version gets a changed setting (such as the segment time of compacted topics) on its next
 * start instead of keeping the old one for ever. Only the declared keys are touched.
 */
final class TopicConfigs {
    private static final long TIMEOUT_SECONDS = 30;

    private TopicConfigs() {
    }

    /**
     * Sets every declared config whose value differs on the topics, which must exist.
     *
     * @return what was changed, as {@code topic key=old -> new}
     */
    static List<String> align(Admin admin, Collection<TopicSpec> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<ConfigResource, TopicSpec> resources = topics.stream().collect(Collectors.toMap(
                topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), topic -> topic));
        Map<ConfigResource, Config> current = admin.describeConfigs(resources.keySet()).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        List<String> changed = new ArrayList<>();
        resources.forEach((resource, topic) -> topic.configs().forEach((key, value) -> {
            ConfigEntry entry = current.get(resource).get(key);
            String old = entry == null ? null : entry.value();
            if (!value.equals(old)) {
                changes.computeIfAbsent(resource, r -> new ArrayList<>())
                        .add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
                changed.add(topic.name() + " " + key + "=" + old + " -> " + value);
            }
        }));
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return changed;
    }
}
