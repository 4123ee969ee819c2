package io.mystocks.stack;

import io.mystocks.contracts.TopicSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalogued topics a cluster lacks, with their declared partitions and configs and a given
 * replication factor, and sets the declared configs of those it has ({@link TopicConfigs}). It first waits for
 * enough brokers to hold that many replicas, since an init job in a fresh cluster usually starts before every
 * broker has registered.
 */
final class TopicInitializer {
    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    /** What {@link #createMissing} found and did. */
    record Result(List<String> created, List<String> existing, List<String> partitionMismatches,
                  List<String> aligned) {
    }

    private final Clock clock;
    private final Duration clusterTimeout;

    TopicInitializer(Clock clock, Duration clusterTimeout) {
        this.clock = clock;
        this.clusterTimeout = clusterTimeout;
    }

    /** Connects to {@code bootstrapServers}, waiting for the cluster, then creates what is missing. */
    Result run(String bootstrapServers, Collection<TopicSpec> topics, short replicationFactor)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(clusterTimeout);
        try (Admin admin = connect(bootstrapServers, deadline)) {
            awaitBrokers(admin, replicationFactor, deadline);
            return createMissing(admin, topics, replicationFactor);
        }
    }

    Result createMissing(Admin admin, Collection<TopicSpec> topics, short replicationFactor)
            throws InterruptedException {
        try {
            Set<String> names = admin.listTopics().names().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !names.contains(topic.name()))
                    .map(topic -> topic.newTopic(replicationFactor))
                    .toList();
            List<TopicSpec> present = topics.stream().filter(topic -> names.contains(topic.name())).toList();
            List<String> created = create(admin, missing);
            List<String> existing = new ArrayList<>(present.stream().map(TopicSpec::name).toList());
            missing.stream().map(NewTopic::name).filter(name -> !created.contains(name)).forEach(existing::add);
            return new Result(created, existing, mismatches(admin, present), TopicConfigs.align(admin, present));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics: " + rootMessage(e), e);
        }
    }

    /** Creates each topic on its own, so that one created concurrently elsewhere does not fail the rest. */
    private static List<String> create(Admin admin, List<NewTopic> missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> created = new ArrayList<>();
        var futures = admin.createTopics(missing).values();
        for (NewTopic topic : missing) {
            try {
                futures.get(topic.name()).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                created.add(topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    /** Topics that exist with another partition count than declared: keys would land elsewhere. */
    private static List<String> mismatches(Admin admin, List<TopicSpec> present)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (present.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(present.stream().map(TopicSpec::name)
                .toList()).allTopicNames().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return present.stream()
                .filter(topic -> descriptions.get(topic.name()).partitions().size() != topic.partitions())
                .map(topic -> topic.name() + " has " + descriptions.get(topic.name()).partitions().size()
                        + " partitions, declared " + topic.partitions())
                .toList();
    }

    /** Creating a client fails while no bootstrap host name resolves yet, as in a cluster still starting. */
    private Admin connect(String bootstrapServers, Instant deadline) throws InterruptedException {
        while (true) {
            try {
                return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
            } catch (KafkaException e) {
                if (!clock.instant().isBefore(deadline)) {
                    throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " within "
                            + clusterTimeout + ": " + rootMessage(e), e);
                }
                log.info("Waiting for Kafka at {}: {}", bootstrapServers, rootMessage(e));
                pause();
            }
        }
    }

    private void awaitBrokers(Admin admin, short replicationFactor, Instant deadline) throws InterruptedException {
        String lastProblem = "no answer yet";
        while (clock.instant().isBefore(deadline)) {
            try {
                int brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
                if (brokers >= replicationFactor) {
                    log.info("Cluster has {} brokers, enough for replication factor {}", brokers, replicationFactor);
                    return;
                }
                lastProblem = brokers + " brokers registered, " + replicationFactor + " needed";
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                lastProblem = rootMessage(e);
            }
            log.info("Waiting for the Kafka cluster: {}", lastProblem);
            pause();
        }
        throw new IllegalStateException("Kafka cluster not ready within " + clusterTimeout + ": " + lastProblem);
    }

    private static void pause() throws InterruptedException {
        LockSupport.parkNanos(RETRY_PAUSE.toNanos());
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting for the Kafka cluster");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
