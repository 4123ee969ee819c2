package io.mystocks.worker.jobs;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets of one consumer's finished job records, committed together at most once a commit interval,
 * when the consumer finds nothing to do, when partitions are revoked and when it stops.
 *
 * <p>Design note: a commit per job was a synchronous round trip to the group coordinator and a write to
 * {@code __consumer_offsets} for every job of a few milliseconds. Committing later loses nothing: a job's
 * outputs are acknowledged before its record counts as finished here, and a record redelivered after a
 * crash finds its terminal state in Redis and is skipped. What a crash costs is that lookup for the jobs
 * of the last interval. A commit that meets a rebalance is kept for the next try, which then covers only
 * the partitions the consumer still owns.
 */
final class FinishedOffsets {
    private static final Logger log = LoggerFactory.getLogger(FinishedOffsets.class);
    /** Bounds a commit to an unreachable broker, such as the one made while stopping. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private final Consumer<?, ?> consumer;
    private final long intervalNanos;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private long lastCommit = System.nanoTime();

    FinishedOffsets(Consumer<?, ?> consumer, Duration interval) {
        this.consumer = consumer;
        this.intervalNanos = interval.toNanos();
    }

    /** Records that a job record's outputs are acknowledged, and commits if the interval has passed. */
    void finished(ConsumerRecord<?, ?> record) {
        pending.put(new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1));
        commitIfDue();
    }

    void commitIfDue() {
        if (System.nanoTime() - lastCommit >= intervalNanos) {
            commitAll();
        }
    }

    /** Commits every pending offset of a partition this consumer still owns. */
    void commitAll() {
        lastCommit = System.nanoTime();
        if (pending.isEmpty()) {
            return;
        }
        pending.keySet().retainAll(consumer.assignment());
        commit(new HashMap<>(pending));
    }

    /** Called before partitions leave this consumer, while it may still commit for them. */
    void revoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = pending.get(partition);
            if (offset != null) {
                leaving.put(partition, offset);
            }
        }
        if (!leaving.isEmpty()) {
            commit(leaving);
        }
    }

    /** Partitions lost without a revoke cannot be committed for; their new owner skips the finished jobs. */
    void lost(Collection<TopicPartition> partitions) {
        pending.keySet().removeAll(partitions);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
            offsets.forEach(pending::remove);
        } catch (RebalanceInProgressException e) {
            log.info("Deferring the commit of job records {} until the rebalance is over", offsets);
        } catch (TimeoutException e) {
            log.warn("Could not commit job records {} within {}; trying again later", offsets, COMMIT_TIMEOUT);
        } catch (CommitFailedException e) {
            log.warn("Could not commit job records {}: {}; their new owner will find the jobs finished", offsets,
                    e.getMessage());
            offsets.keySet().forEach(pending::remove);
        }
    }
}
