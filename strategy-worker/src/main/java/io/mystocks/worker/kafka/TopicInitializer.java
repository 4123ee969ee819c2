package io.mystocks.worker.kafka;

import io.mystocks.contracts.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Creates the declared topics that do not exist yet, before any consumer starts. Existing topics are
 * left as they are: their partitions and configs belong to whoever runs the cluster. Several services
 * may race to create the same topic; losing that race is fine.
 */
final class TopicInitializer implements SmartLifecycle {
    /** Runs before the read model and the job consumer, which need the topics to exist. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);

    private final Admin admin;
    private final List<TopicSpec> topics;
    private final short replicationFactor;
    private final Duration timeout;
    private volatile boolean running;

    TopicInitializer(Admin admin, List<TopicSpec> topics, int replicationFactor, Duration timeout) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.replicationFactor = (short) replicationFactor;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        try {
            ensureTopics();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Kafka topics within " + timeout
                    + "; is the broker reachable?", e.getCause());
        }
        running = true;
    }

    private void ensureTopics() throws InterruptedException, ExecutionException {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs)).names().get();

        List<NewTopic> missing = topics.stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(topic -> topic.newTopic(replicationFactor))
                .toList();
        if (missing.isEmpty()) {
            log.debug("All {} topics exist", topics.size());
            return;
        }

        Map<String, KafkaFuture<Void>> created =
                admin.createTopics(missing, new CreateTopicsOptions().timeoutMs(timeoutMs)).values();
        for (Map.Entry<String, KafkaFuture<Void>> entry : created.entrySet()) {
            awaitCreated(entry.getKey(), entry.getValue());
        }
        log.info("Created {} missing topics with replication factor {}: {}", missing.size(), replicationFactor,
                created.keySet());
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> creation)
            throws InterruptedException, ExecutionException {
        try {
            creation.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            log.debug("Topic {} was created by another service meanwhile", topic);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
