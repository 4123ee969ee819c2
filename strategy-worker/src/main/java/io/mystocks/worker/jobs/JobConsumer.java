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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
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
 * go to idle workers rather than wait behind a long one), commits of finished records only, after their
 * outputs are acknowledged ({@link FinishedOffsets}), retries inside the job's time limit instead of
 * redeliveries, and a
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
    private final Duration commitInterval;
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
        this.commitInterval = jobs.commitInterval();
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
        FinishedOffsets finished = new FinishedOffsets(consumer, commitInterval);
        consumer.subscribe(List.of(Topics.JOBS.name()), new CommittingRebalanceListener(finished));
        try {
            while (!isStopping()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (records.isEmpty()) {
                    finished.commitAll();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!handle(consumer, record, finished)) {
                        return;
                    }
                }
            }
        } finally {
            // A job interrupted by stopping is not among them; the finished ones are committed all the same.
            boolean interrupted = Thread.interrupted();
            try {
                finished.commitAll();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Processes one record and counts it finished; false when the worker is stopping. */
    private boolean handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecord<String, byte[]> record,
                           FinishedOffsets finished) {
        JobRecord job = JobRecord.of(record);
        try {
            processor.process(job);
            finished.finished(record);
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

    /** Partition moves are lifecycle edges of a group member; finished jobs are committed before one leaves. */
    private static final class CommittingRebalanceListener implements ConsumerRebalanceListener {
        private final FinishedOffsets finished;

        CommittingRebalanceListener(FinishedOffsets finished) {
            this.finished = finished;
        }

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
                finished.revoked(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("Lost job partitions {}", partitions);
                finished.lost(partitions);
            }
        }
    }
}
