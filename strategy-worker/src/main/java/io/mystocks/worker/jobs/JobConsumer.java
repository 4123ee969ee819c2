package io.mystocks.worker.jobs;

import io.mystocks.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The worker's member of the {@code strategy.jobs} consumer group.
 *
 * <p>Design note: a plain consumer loop on one thread rather than a listener container, because a job
 * needs what a container hides: one record at a time ({@code max.poll.records=1}, so that queued jobs
 * go to idle workers rather than wait behind a long one), a commit of exactly that record after its
 * outputs are acknowledged, retries inside the job's time limit instead of redeliveries, and a
 * {@code max.poll.interval.ms} derived from that limit. When {@link JobProcessor} throws because Redis
 * or Kafka failed, the consumer seeks back to the record and tries it again after a pause.
 *
 * <p>A worker runs {@code concurrency} such loops, each a member of the group with its own consumer, so that
 * one process overlaps the waits of several jobs on Redis and Kafka; the group spreads the partitions over
 * every loop of every worker.
 */
final class JobConsumer implements SmartLifecycle {
    /** Starts after the market read model. */
    static final int PHASE = 20;

    private static final Logger log = LoggerFactory.getLogger(JobConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final Map<String, Object> consumerConfig;
    private final JobProcessor processor;
    private final Duration shutdownGrace;
    private final int concurrency;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile List<Thread> loops = List.of();

    JobConsumer(Map<String, Object> clientConfig, JobProcessor processor, JobsProperties jobs) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, jobs.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Math.toIntExact(jobs.maxPollInterval().toMillis()));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
        this.processor = processor;
        this.shutdownGrace = jobs.shutdownGrace();
        this.concurrency = jobs.concurrency();
    }

    @Override
    public synchronized void start() {
        List<Thread> started = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Map<String, Object> config = new HashMap<>(consumerConfig);
            config.computeIfPresent(ConsumerConfig.CLIENT_ID_CONFIG, (key, id) -> id + "-" + started.size());
            Map<String, Object> own = Map.copyOf(config);
            started.add(Thread.ofPlatform().name("job-consumer-" + i).start(() -> consumeForever(own)));
        }
        loops = List.copyOf(started);
        log.info("Joining consumer group {} on {} with {} consumer(s)",
                consumerConfig.get(ConsumerConfig.GROUP_ID_CONFIG), Topics.JOBS.name(), concurrency);
    }

    /** Lets a running job finish within the grace period, then abandons it to redelivery. */
    @Override
    public synchronized void stop() {
        stopping.countDown();
        List<Thread> running = loops;
        loops = List.of();
        long graceEnds = System.nanoTime() + shutdownGrace.toNanos();
        for (Thread thread : running) {
            join(thread, Duration.ofNanos(Math.max(0, graceEnds - System.nanoTime())));
        }
        for (Thread thread : running) {
            if (thread.isAlive()) {
                log.info("Stopping {} with a job still running; another worker will take it over",
                        thread.getName());
                thread.interrupt();
                join(thread, Duration.ofSeconds(10));
            }
        }
    }

    @Override
    public boolean isRunning() {
        return !loops.isEmpty();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void consumeForever(Map<String, Object> config) {
        while (!isStopping()) {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
                consume(consumer);
            } catch (KafkaException e) {
                if (!isStopping()) {
                    log.warn("Job consumer failed; reconnecting in {}", RETRY_PAUSE, e);
                }
            }
            if (!pause(RETRY_PAUSE)) {
                return;
            }
        }
    }

    private void consume(KafkaConsumer<String, byte[]> consumer) {
        Map<TopicPartition, OffsetAndMetadata> deferred = new HashMap<>();
        consumer.subscribe(List.of(Topics.JOBS.name()), new LoggingRebalanceListener());
        while (!isStopping()) {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
            commitDeferred(consumer, deferred);
            for (ConsumerRecord<String, byte[]> record : records) {
                if (!handle(consumer, record, deferred)) {
                    return;
                }
            }
        }
    }

    /** Processes and commits one record; false when the worker is stopping. */
    private boolean handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecord<String, byte[]> record,
                           Map<TopicPartition, OffsetAndMetadata> deferred) {
        JobRecord job = JobRecord.of(record);
        try {
            processor.process(job);
            commit(consumer, record, deferred);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Left job record {} uncommitted while stopping", job.coordinates());
            return false;
        } catch (RuntimeException e) {
            if (isStopping()) {
                return false;
            }
            log.warn("Could not finish job record {}; trying it again in {}", job.coordinates(), RETRY_PAUSE, e);
            consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
            return pause(RETRY_PAUSE);
        }
    }

    /**
     * Commits a finished record. During a rebalance the commit is deferred to the next poll, which
     * completes the rebalance: the cooperative assignor usually leaves the partition here, and without a
     * second try its finished jobs would stay uncommitted until a later job of the partition.
     */
    private static void commit(KafkaConsumer<String, byte[]> consumer, ConsumerRecord<String, byte[]> record,
                               Map<TopicPartition, OffsetAndMetadata> deferred) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1);
        try {
            consumer.commitSync(Map.of(partition, next));
            deferred.remove(partition);
        } catch (RebalanceInProgressException e) {
            log.info("Deferring the commit of job record {}/{}/{} until the rebalance is over", record.topic(),
                    record.partition(), record.offset());
            deferred.put(partition, next);
        } catch (CommitFailedException e) {
            log.warn("Could not commit job record {}/{}/{}: {}; its new owner will find the job finished",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    /** Commits what a rebalance held up, for the partitions this worker still owns. */
    private static void commitDeferred(KafkaConsumer<String, byte[]> consumer,
                                       Map<TopicPartition, OffsetAndMetadata> deferred) {
        if (deferred.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> owned = new HashMap<>(deferred);
        owned.keySet().retainAll(consumer.assignment());
        deferred.clear();
        if (owned.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(owned);
            log.info("Committed job records deferred by a rebalance: {}", owned);
        } catch (RebalanceInProgressException e) {
            deferred.putAll(owned);
        } catch (CommitFailedException e) {
            log.warn("Could not commit the deferred job records {}: {}; their new owner will find the jobs "
                    + "finished", owned, e.getMessage());
        }
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }

    /** Waits, unless stopping; false when the worker is stopping. */
    private boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void join(Thread thread, Duration timeout) {
        try {
            thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Partition moves are lifecycle edges of a group member. */
    private static final class LoggingRebalanceListener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("Assigned job partitions {}", partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("Revoked job partitions {}", partitions);
            }
        }
    }
}
