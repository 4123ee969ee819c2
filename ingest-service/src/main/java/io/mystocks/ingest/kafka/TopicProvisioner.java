package io.mystocks.ingest.kafka;

import io.mystocks.contracts.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the declared topics that do not exist yet, so that nothing is ever written to a topic the
 * broker would auto-create with the wrong partitions or cleanup policy. Existing topics are left as they
 * are; a partition count that differs from the declaration is reported, since it breaks co-partitioning.
 *
 * <p>Design note: a topic exists in the cluster's metadata a moment before its partitions are served.
 * Producing in that moment makes an idempotent producer retry, and on a brand-new partition those retries
 * can end in an out-of-order-sequence error that stalls the partition until the delivery timeout. So the
 * provisioner returns only once every partition's leader answers an offset request.
 */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final List<TopicSpec> topics;
    private final short replicationFactor;
    private final Duration timeout;
    private volatile boolean provisioned;

    TopicProvisioner(Admin admin, List<TopicSpec> topics, int replicationFactor, Duration timeout) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.replicationFactor = (short) replicationFactor;
        this.timeout = timeout;
    }

    /**
     * @return how many topics were created
     * @throws TopicProvisioningException when Kafka does not answer or refuses; safe to call again
     */
    public int ensureTopics() {
        try {
            Set<String> existing = await(admin.listTopics().names());
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> topic.newTopic(replicationFactor))
                    .toList();
            create(missing);
            Map<String, Integer> partitions = partitionCounts(existing);
            awaitLeaders(partitions);
            provisioned = true;
            return missing.size();
        } catch (ExecutionException e) {
            throw new TopicProvisioningException("cannot create topics: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException("Kafka did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("interrupted while creating topics", e);
        }
    }

    /** True once {@link #ensureTopics()} has succeeded: every declared topic exists and is served. */
    public boolean provisioned() {
        return provisioned;
    }

    private void create(List<NewTopic> missing) throws ExecutionException, TimeoutException, InterruptedException {
        if (missing.isEmpty()) {
            return;
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                await(result.getValue());
            } catch (ExecutionException e) {
                // Another service may create the same topic at the same moment; that is the goal reached.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        log.info("Created {} topics with replication factor {}: {}", missing.size(), replicationFactor,
                missing.stream().map(NewTopic::name).toList());
    }

    /** The partitions of every declared topic: as found for those that existed, as declared for new ones. */
    private Map<String, Integer> partitionCounts(Set<String> existing)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<String> found = topics.stream().map(TopicSpec::name).filter(existing::contains).toList();
        Map<String, TopicDescription> descriptions = found.isEmpty() ? Map.of()
                : await(admin.describeTopics(found).allTopicNames());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TopicSpec topic : topics) {
            TopicDescription description = descriptions.get(topic.name());
            int partitions = description == null ? topic.partitions() : description.partitions().size();
            if (partitions != topic.partitions()) {
                log.warn("Topic {} has {} partitions but is declared with {}; keys may not be co-partitioned",
                        topic.name(), partitions, topic.partitions());
            }
            counts.put(topic.name(), partitions);
        }
        return counts;
    }

    /** Returns once every partition's leader answers; the admin client retries while leaders are elected. */
    private void awaitLeaders(Map<String, Integer> partitions)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach((topic, count) -> {
            for (int partition = 0; partition < count; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
        });
        await(admin.listOffsets(latest).all());
    }

    private <T> T await(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
