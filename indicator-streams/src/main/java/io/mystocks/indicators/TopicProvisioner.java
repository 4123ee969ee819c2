package io.mystocks.indicators;

import io.mystocks.contracts.TopicSpec;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of the catalogue that a cluster lacks, with their declared partitions and
 * configs, so that the service also starts against a fresh cluster. Existing topics are left alone.
 */
final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicProvisioner() {
    }

    /** The names of the topics it created. */
    static List<String> ensure(String bootstrapServers, Collection<TopicSpec> topics, short replicationFactor) {
        Map<String, Object> configs = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(configs)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> topic.newTopic(replicationFactor)).toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            createAll(admin, missing);
            List<String> names = missing.stream().map(NewTopic::name).toList();
            log.info("Created {} topics on {} with replication factor {}: {}", names.size(), bootstrapServers,
                    replicationFactor, names);
            return names;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics on " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics on " + bootstrapServers
                    + "; is Kafka running there (KAFKA_BOOTSTRAP_SERVERS)?", e);
        }
    }

    private static void createAll(Admin admin, List<NewTopic> missing)
            throws InterruptedException, TimeoutException {
        try {
            admin.createTopics(missing).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Another instance may create the same topics at the same moment; that is what we wanted.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + missing.stream().map(NewTopic::name)
                        .toList() + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
