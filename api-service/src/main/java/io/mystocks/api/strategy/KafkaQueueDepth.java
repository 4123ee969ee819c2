package io.mystocks.api.strategy;

import io.mystocks.api.schedule.PeriodicTask;
import io.mystocks.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The queue depth as the workers' consumer-group lag on {@code strategy.jobs}: for every partition,
 * its end offset minus the group's committed offset (or the log start, where the group has committed
 * nothing or less). A job counts until a worker has finished it and committed its record, so running
 * jobs are included. One background thread measures it every {@code queue-depth-interval} with the
 * admin client; submissions read the last value.
 */
final class KafkaQueueDepth implements QueueDepth, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(KafkaQueueDepth.class);
    private static final String TOPIC = Topics.JOBS.name();

    private final Map<String, Object> adminConfig;
    private final String group;
    private final Duration interval;
    private final Duration maxAge;
    private final Clock clock;
    private volatile Admin admin;
    private final PeriodicTask schedule;
    private volatile Measurement last;
    private volatile boolean failing;

    KafkaQueueDepth(Map<String, Object> adminProperties, JobProperties properties, Clock clock) {
        Map<String, Object> config = new HashMap<>(adminProperties);
        int timeout = Math.toIntExact(Math.max(500, properties.queueDepthInterval().toMillis() * 3));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "mystocks-api-queue-depth");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        this.adminConfig = Map.copyOf(config);
        this.group = properties.workerGroup();
        this.interval = properties.queueDepthInterval();
        this.maxAge = properties.queueDepthMaxAge();
        this.clock = clock;
        this.schedule = new PeriodicTask("job-queue-depth", Duration.ZERO, interval, this::refresh);
    }

    @Override
    public OptionalLong current() {
        Measurement measured = last;
        if (measured == null || measured.at().plus(maxAge).isBefore(clock.instant())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(measured.depth());
    }

    /** The depth of partitions with these end, start and committed offsets; a partition never negative. */
    static long depth(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> starts,
                      Map<TopicPartition, Long> committed) {
        long depth = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long start = starts.getOrDefault(end.getKey(), 0L);
            long consumed = Math.max(start, committed.getOrDefault(end.getKey(), start));
            depth += Math.max(0, end.getValue() - consumed);
        }
        return depth;
    }

    @Override
    public void start() {
        admin = Admin.create(adminConfig);
        schedule.start();
    }

    @Override
    public void stop() {
        schedule.stop();
        Admin client = admin;
        if (client != null) {
            client.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public boolean isRunning() {
        return schedule.isRunning();
    }

    private void refresh() {
        try {
            long depth = measure();
            last = new Measurement(depth, clock.instant());
            if (failing) {
                failing = false;
                log.info("Measuring the job queue again: {} job(s) on {} not finished by {}", depth, TOPIC, group);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // A scheduled task that throws is never run again, so every failure ends here.
            if (!failing) {
                failing = true;
                log.warn("Cannot measure the job queue on {} for group {}: {}; submissions are not held back "
                        + "while it is unknown", TOPIC, group, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long measure() throws ExecutionException, InterruptedException, TimeoutException {
        long timeout = interval.toMillis() * 3;
        List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames()
                .get(timeout, TimeUnit.MILLISECONDS).get(TOPIC).partitions().stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        Map<TopicPartition, Long> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(timeout, TimeUnit.MILLISECONDS).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        return depth(offsets(partitions, OffsetSpec.latest(), timeout),
                offsets(partitions, OffsetSpec.earliest(), timeout), committed);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec, long timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer = admin.listOffsets(request).all()
                .get(timeout, TimeUnit.MILLISECONDS);
        return answer.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private record Measurement(long depth, Instant at) {
    }
}
