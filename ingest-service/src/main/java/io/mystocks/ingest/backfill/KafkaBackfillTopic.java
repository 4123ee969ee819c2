package io.mystocks.ingest.backfill;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backfill topic on a real cluster: the cluster id from the admin client, scans with a consumer that
 * belongs to no group and commits nothing.
 */
final class KafkaBackfillTopic implements BackfillTopic {
    private static final Logger log = LoggerFactory.getLogger(KafkaBackfillTopic.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Admin admin;
    private final Map<String, Object> consumerConfig;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param timeout how long an admin call, or a scan without progress, may take before the attempt fails
     */
    KafkaBackfillTopic(Admin admin, Map<String, Object> consumerConfig, Duration timeout, Clock clock) {
        this.admin = admin;
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String clusterId() {
        try {
            return admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new BackfillException("cannot ask Kafka for its cluster id: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new BackfillException("Kafka did not tell its cluster id within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackfillException("interrupted while asking Kafka for its cluster id", e);
        }
    }

    @Override
    public WrittenBars scan(Map<Integer, Long> from) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BARS_BACKFILL.name(), timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, timeout);
            partitions.forEach(partition -> consumer.seek(partition, Math.max(start.get(partition),
                    from.getOrDefault(partition.partition(), 0L))));
            return read(consumer, partitions, end);
        } catch (KafkaException e) {
            throw new BackfillException("cannot read " + Topics.BARS_BACKFILL.name() + ": " + e, e);
        }
    }

    private WrittenBars read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                             Map<TopicPartition, Long> end) {
        WrittenBars written = WrittenBars.none();
        long records = 0;
        Instant lastProgress = clock.instant();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition, timeout) < end.get(partition))) {
            int polled = 0;
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                polled++;
                collect(written, record);
            }
            records += polled;
            if (polled > 0) {
                lastProgress = clock.instant();
            } else if (Duration.between(lastProgress, clock.instant()).compareTo(timeout) > 0) {
                throw new BackfillException("reading " + Topics.BARS_BACKFILL.name() + " made no progress for "
                        + timeout, null);
            }
        }
        log.debug("Scanned {} records of {} up to {}", records, Topics.BARS_BACKFILL.name(), end);
        return written;
    }

    private static void collect(WrittenBars written, ConsumerRecord<String, byte[]> record) {
        String plan = BackfillRecords.plan(record.headers());
        if (plan == null || record.value() == null) {
            return;
        }
        try {
            Bar bar = BackfillRecords.bar(record.value());
            written.add(plan, bar);
        } catch (SerializationException e) {
            log.debug("Skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }
}
