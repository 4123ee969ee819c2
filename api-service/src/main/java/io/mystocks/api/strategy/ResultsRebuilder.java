package io.mystocks.api.strategy;

import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rebuilds the job results in Redis from the compacted {@code strategy.results} when Redis lost them.
 *
 * <p>Design note: Redis is only the serving copy; every terminal state is on the topic first. A marker
 * key is written after each rebuild and disappears with everything else when Redis is emptied or
 * restarts without persistence, so its absence is what starts a rebuild: looked for at start, every
 * {@code rebuild-check-interval}, and whenever a lookup finds no job (which is then answered 503 rather
 * than 404 until the marker is back). One replica at a time rebuilds, under a lock that expires if it
 * dies. States are written only where the job has none, so nothing a worker or the API stored meanwhile
 * is replaced; where the topic still holds two terminal records of a job (before compaction), the later
 * one wins. States past their retention are not restored. Memory: the ids of the jobs restored by the
 * run, so that a later record of the same job can replace the earlier one.
 *
 * <p>Every job a worker has taken has a terminal record on the results topic (workers publish one even for
 * a job cancelled before it ran), and workers commit a job's offset only once it is done. So the jobs on
 * {@code strategy.jobs} from the workers' committed offsets on are the ones still waiting or running: each
 * gets its QUEUED state back, where it has none, and a worker's next write moves it on. Reading stops at the
 * end offsets of the moment, so that pass costs at most the queue's depth. A job the API cancelled while it
 * was queued has its CANCELLED record on the results topic, which is restored first, so it stays cancelled.
 *
 * <p>Last, the idempotency keys: a job submitted with one carries it on {@code strategy.jobs}, and the jobs
 * submitted within the retention (from the offsets of that time to the end offsets of the moment) get their
 * key back where Redis has none, for the retention left. Until the marker is written no key can be claimed,
 * so no submission takes a key the pass has yet to restore. That pass costs the jobs of one retention; its
 * writes go a poll at a time, a few dozen in flight, so its memory is one poll's records.
 */
final class ResultsRebuilder implements ResultsRebuild, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ResultsRebuilder.class);
    private static final String TOPIC = Topics.RESULTS.name();
    private static final String JOBS_TOPIC = Topics.JOBS.name();
    private static final JsonSerde<JobState> STATES = JsonSerde.of(JobState.class);
    private static final JsonSerde<JobRequest> REQUESTS = JsonSerde.of(JobRequest.class);
    private static final Duration LOCK_TTL = Duration.ofSeconds(30);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int KEY_WRITES_IN_FLIGHT = 32;

    private final Map<String, Object> consumerConfig;
    /** Reads the workers' committed offsets; assigned, never subscribed, so it never joins their group. */
    private final Map<String, Object> queueConfig;
    private final ResultsStore store;
    private final Duration retention;
    private final Duration checkInterval;
    private final Clock clock;
    private final String owner = "api-" + UUID.randomUUID();
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private final AtomicLong restored = new AtomicLong();
    private volatile boolean running;
    private volatile boolean rebuilding;
    private volatile boolean failing;
    private volatile Thread loop;
    private volatile KafkaConsumer<String, byte[]> consumer;

    ResultsRebuilder(Map<String, Object> kafkaConsumerProperties, ResultsStore store, JobProperties properties,
                     Clock clock) {
        Map<String, Object> config = new HashMap<>(kafkaConsumerProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "mystocks-api-results-rebuild");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.toIntExact(KAFKA_TIMEOUT.toMillis()));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
        Map<String, Object> queue = new HashMap<>(config);
        queue.put(ConsumerConfig.GROUP_ID_CONFIG, properties.workerGroup());
        queue.put(ConsumerConfig.CLIENT_ID_CONFIG, "mystocks-api-queue-rebuild");
        this.queueConfig = Map.copyOf(queue);
        this.store = store;
        this.retention = properties.retention();
        this.checkInterval = properties.rebuildCheckInterval();
        this.clock = clock;
    }

    /** False while the marker is missing; that also wakes the rebuild up instead of waiting for its check. */
    @Override
    public Mono<Boolean> isComplete() {
        return store.isComplete().doOnNext(complete -> {
            if (!complete) {
                wakeUps.offer(Boolean.TRUE);
            }
        });
    }

    boolean isRebuilding() {
        return rebuilding;
    }

    /** Job states written back to Redis since start. */
    long restored() {
        return restored.get();
    }

    @Override
    public synchronized void start() {
        running = true;
        loop = Thread.ofPlatform().daemon().name("results-rebuild").start(this::checkForever);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread thread = loop;
        loop = null;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        KafkaConsumer<String, byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /**
     * Checks every {@code rebuild-check-interval}, or at once when a request found the marker missing. After a
     * failed check or rebuild it waits instead, one second at first and twice as long after each failure in a
     * row, up to {@link #MAX_BACKOFF}, and the wake-ups of that time are dropped: while Redis refuses writes
     * every job lookup finds the marker missing, many times a second, and each woke a rebuild that read the
     * results topic from its beginning only to fail again at its first write.
     */
    private void checkForever() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            boolean done;
            try {
                done = check(backoff);
            } catch (RuntimeException e) {
                // The loop is the only way results ever come back, so it outlives any single failure.
                log.error("Unexpected failure checking or rebuilding the job results; trying again in {}", backoff,
                        e);
                done = false;
            }
            try {
                if (done) {
                    backoff = FIRST_BACKOFF;
                    wakeUps.poll(checkInterval.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    Thread.sleep(backoff.toMillis());
                    wakeUps.clear();
                    Duration doubled = backoff.multipliedBy(2);
                    backoff = doubled.compareTo(MAX_BACKOFF) < 0 ? doubled : MAX_BACKOFF;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** False when Redis or Kafka failed the check or the rebuild. */
    private boolean check(Duration nextTry) {
        try {
            if (!Boolean.TRUE.equals(store.isComplete().block(REDIS_TIMEOUT))) {
                rebuildUnlessLocked();
            }
            if (failing) {
                failing = false;
                log.info("Job results can be checked again");
            }
            return true;
        } catch (WakeupException e) {
            log.debug("Rebuild of the job results stopped with the service");
            return true;
        } catch (DependencyUnavailableException | KafkaException | IllegalStateException e) {
            if (!failing && running) {
                failing = true;
                log.warn("Cannot check or rebuild the job results from {}: {}; trying again in {}, then at "
                        + "growing intervals up to {}", TOPIC, e.getMessage(), nextTry, MAX_BACKOFF);
            }
            return false;
        }
    }

    private void rebuildUnlessLocked() {
        if (!Boolean.TRUE.equals(store.lock(owner, LOCK_TTL).block(REDIS_TIMEOUT))) {
            log.debug("Another replica is rebuilding the job results");
            return;
        }
        rebuilding = true;
        long started = System.nanoTime();
        log.info("Rebuilding job results from {}: Redis has lost its marker of complete job states", TOPIC);
        try {
            Run run = replay();
            if (!Boolean.TRUE.equals(store.markComplete(owner, run.summary(clock.instant())).block(REDIS_TIMEOUT))) {
                log.info("Job results changed while they were rebuilt from {}; rebuilding them again", TOPIC);
                wakeUps.offer(Boolean.TRUE);
                return;
            }
            log.info("Rebuilt job results from {} in {} ms: {}", TOPIC,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), run.summary(clock.instant()));
        } catch (RuntimeException e) {
            store.unlock(owner).onErrorResume(DependencyUnavailableException.class, ignored -> Mono.empty())
                    .block(REDIS_TIMEOUT);
            throw e;
        } finally {
            rebuilding = false;
        }
    }

    /**
     * Reads the results topic from its beginning up to the end offsets it has now, restoring as it goes, then
     * the jobs still waiting: {@code strategy.jobs} from the workers' committed offsets on; then the keys of
     * the jobs on {@code strategy.jobs} submitted within the retention.
     */
    private Run replay() {
        Run run = new Run();
        readToEnd(consumerConfig, TOPIC, (reading, partitions) -> reading.seekToBeginning(partitions), records -> {
            records.forEach(run::read);
            run.flush();
        });
        readToEnd(queueConfig, JOBS_TOPIC, ResultsRebuilder::seekToCommitted,
                records -> records.forEach(run::readWaiting));
        run.restoreLatestJobs();
        Instant since = clock.instant().minus(retention);
        readToEnd(consumerConfig, JOBS_TOPIC, (reading, partitions) -> seekToTime(reading, partitions, since),
                run::restoreKeys);
        return run;
    }

    /**
     * Reads every partition of {@code topic}, from where {@code seek} puts it, up to the end offsets of the
     * moment, handing each poll to {@code handle} and extending the rebuild lock after it.
     */
    private void readToEnd(Map<String, Object> config, String topic,
                           BiConsumer<KafkaConsumer<String, byte[]>, List<TopicPartition>> seek,
                           Consumer<ConsumerRecords<String, byte[]>> handle) {
        try (KafkaConsumer<String, byte[]> reading = new KafkaConsumer<>(config)) {
            consumer = reading;
            if (!running) {
                throw new WakeupException();
            }
            List<TopicPartition> partitions = reading.partitionsFor(topic, KAFKA_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reading.assign(partitions);
            seek.accept(reading, partitions);
            Map<TopicPartition, Long> end = reading.endOffsets(partitions, KAFKA_TIMEOUT);
            while (!partitions.stream().allMatch(p -> reading.position(p) >= end.get(p))) {
                handle.accept(reading.poll(POLL_TIMEOUT));
                if (!Boolean.TRUE.equals(store.extendLock(owner, LOCK_TTL).block(REDIS_TIMEOUT))) {
                    throw new IllegalStateException("the rebuild lock expired while reading " + topic);
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** Each partition at the workers' committed offset, or at its beginning where they have none. */
    private static void seekToCommitted(KafkaConsumer<String, byte[]> reading, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = reading.committed(Set.copyOf(partitions), KAFKA_TIMEOUT);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                reading.seekToBeginning(List.of(partition));
            } else {
                reading.seek(partition, offset.offset());
            }
        }
    }

    /** Each partition at its first record written at {@code since} or later, or at its end where there is none. */
    private static void seekToTime(KafkaConsumer<String, byte[]> reading, List<TopicPartition> partitions,
                                   Instant since) {
        long at = Math.max(0, since.toEpochMilli());
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, at));
        Map<TopicPartition, OffsetAndTimestamp> offsets = reading.offsetsForTimes(times, KAFKA_TIMEOUT);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                reading.seekToEnd(List.of(partition));
            } else {
                reading.seek(partition, offset.offset());
            }
        }
    }

    /** One pass over the topics. */
    private final class Run {
        private final Map<String, JobState> pending = new LinkedHashMap<>();
        private final Set<String> restoredHere = new HashSet<>();
        private final Map<String, JobState> latestByStrategy = new HashMap<>();
        private long records;
        private long skipped;
        private long expired;
        private long waiting;
        private long keys;

        void read(ConsumerRecord<String, byte[]> record) {
            records++;
            if (record.value() == null) {
                return;
            }
            try {
                JobState state = STATES.deserialize(record.topic(), record.value());
                if (state.status().isTerminal()) {
                    pending.put(state.jobId(), state);
                } else {
                    skipped++;
                }
            } catch (SerializationException e) {
                skipped++;
                log.warn("Skipping unreadable job result {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                        record.offset(), record.key(), e.getMessage());
            }
        }

        /** Restores a job that has no state as QUEUED; a terminal state restored before is never replaced. */
        void readWaiting(ConsumerRecord<String, byte[]> record) {
            JobRequest request = readJob(record);
            if (request == null) {
                return;
            }
            JobState queued = JobState.queued(request);
            Duration left = retention.minus(Duration.between(submitted(queued), clock.instant()));
            if (left.isNegative() || left.isZero()) {
                expired++;
                return;
            }
            if (Boolean.TRUE.equals(store.restore(queued, left, false).block(REDIS_TIMEOUT))) {
                restoredHere.add(queued.jobId());
                restored.incrementAndGet();
                waiting++;
                latestByStrategy.merge(queued.strategyId() == null ? "" : queued.strategyId(), queued,
                        (a, b) -> submitted(b).isAfter(submitted(a)) ? b : a);
            }
        }

        /**
         * Restores the keys of the jobs of one poll that were submitted with one, where Redis has none. Of two
         * jobs with one key (Kafka took the first after its send timed out, so the key was freed for a retry),
         * whichever is read first wins.
         */
        void restoreKeys(ConsumerRecords<String, byte[]> polled) {
            List<Mono<Boolean>> writes = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : polled) {
                JobRequest request = readJob(record);
                if (request == null || request.idempotency() == null) {
                    continue;
                }
                Duration left = retention.minus(Duration.between(submitted(JobState.queued(request)),
                        clock.instant()));
                if (left.isNegative() || left.isZero()) {
                    expired++;
                    continue;
                }
                IdempotentSubmission accepted = new IdempotentSubmission(request.jobId(), request.strategyId(),
                        request.params(), request.submittedAt(), request.idempotency().fingerprint(), true);
                writes.add(store.restoreKey(request.idempotency().key(), accepted, left));
            }
            Long written = Flux.fromIterable(writes).flatMap(write -> write, KEY_WRITES_IN_FLIGHT)
                    .filter(Boolean::booleanValue).count().block(REDIS_TIMEOUT);
            keys += written == null ? 0 : written;
        }

        /** The job of a record, or null for a tombstone or an unreadable record (which is logged). */
        private JobRequest readJob(ConsumerRecord<String, byte[]> record) {
            records++;
            if (record.value() == null) {
                return null;
            }
            try {
                return REQUESTS.deserialize(record.topic(), record.value());
            } catch (SerializationException e) {
                skipped++;
                log.warn("Skipping unreadable job {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                        record.offset(), record.key(), e.getMessage());
                return null;
            }
        }

        /** Writes what the last poll read; a job read twice in it counts with its later record. */
        void flush() {
            for (JobState state : pending.values()) {
                Duration left = retention.minus(Duration.between(finished(state), clock.instant()));
                if (left.isNegative() || left.isZero()) {
                    expired++;
                    continue;
                }
                boolean replace = restoredHere.contains(state.jobId());
                if (Boolean.TRUE.equals(store.restore(state, left, replace).block(REDIS_TIMEOUT))) {
                    restoredHere.add(state.jobId());
                    restored.incrementAndGet();
                    latestByStrategy.merge(state.strategyId() == null ? "" : state.strategyId(), state,
                            (a, b) -> submitted(b).isAfter(submitted(a)) ? b : a);
                }
            }
            pending.clear();
        }

        void restoreLatestJobs() {
            latestByStrategy.forEach((strategyId, state) -> {
                if (!strategyId.isEmpty()) {
                    store.restoreLatest(strategyId, state.jobId(), retention.minus(
                            Duration.between(finished(state), clock.instant()))).block(REDIS_TIMEOUT);
                }
            });
        }

        String summary(Instant at) {
            return restoredHere.size() + " job state(s) restored (" + waiting + " of them QUEUED) and " + keys
                    + " idempotency key(s) from " + records + " record(s), " + expired + " past retention, "
                    + skipped + " not terminal or unreadable, at " + at;
        }

        private Instant finished(JobState state) {
            return state.finishedAt() != null ? state.finishedAt() : submitted(state);
        }

        private Instant submitted(JobState state) {
            return state.submittedAt() != null ? state.submittedAt() : clock.instant();
        }
    }
}
