package io.mystocks.ingest.backfill;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.SymbolPartitioning;
import io.mystocks.contracts.Topics;
import io.mystocks.ingest.kafka.RecordSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The backfill topic in memory: partitions by symbol as Kafka would, acknowledges every send at once, and can
 * stop acknowledging after a number of records, as a broker that goes away (or a service that dies) would.
 */
final class FakeBackfillCluster implements BackfillTopic {
    private final String clusterId;
    private final List<List<ProducerRecord<String, byte[]>>> partitions = new ArrayList<>();
    private long acceptLimit = Long.MAX_VALUE;
    private String refusedKey;
    private String slowKey;
    private Duration slowBy = Duration.ZERO;
    private long accepted;
    private int scans;
    private long scannedRecords;

    FakeBackfillCluster(String clusterId) {
        this.clusterId = clusterId;
        for (int i = 0; i < Topics.BARS_BACKFILL.partitions(); i++) {
            partitions.add(new ArrayList<>());
        }
    }

    /** From now on, accept this many more records, then fail every send. */
    void acceptOnly(long records) {
        acceptLimit = accepted + records;
    }

    /** Fail every send of this key, as a partition whose leader is gone would, while others succeed. */
    void refuse(String key) {
        refusedKey = key;
    }

    /** Acknowledge, and write, the records of this key only after a while, as a lagging partition would. */
    void slowDown(String key, Duration by) {
        slowKey = key;
        slowBy = by;
    }

    void acceptAll() {
        acceptLimit = Long.MAX_VALUE;
        refusedKey = null;
    }

    RecordSender sender() {
        return record -> {
            if (accepted >= acceptLimit || record.key().equals(refusedKey)) {
                return CompletableFuture.failedFuture(new TimeoutException("Expiring 1 record(s): broker gone"));
            }
            accepted++;
            if (record.key().equals(slowKey)) {
                return CompletableFuture.supplyAsync(() -> append(record),
                        CompletableFuture.delayedExecutor(slowBy.toMillis(), TimeUnit.MILLISECONDS));
            }
            return CompletableFuture.completedFuture(append(record));
        };
    }

    private synchronized RecordMetadata append(ProducerRecord<String, byte[]> record) {
        int partition = SymbolPartitioning.partition(record.key(), partitions.size());
        List<ProducerRecord<String, byte[]>> log = partitions.get(partition);
        log.add(record);
        return new RecordMetadata(new TopicPartition(record.topic(), partition), log.size() - 1, 0, 0, 0, 0);
    }

    @Override
    public String clusterId() {
        return clusterId;
    }

    @Override
    public synchronized WrittenBars scan(Map<Integer, Long> from) {
        scans++;
        WrittenBars written = WrittenBars.none();
        for (int partition = 0; partition < partitions.size(); partition++) {
            List<ProducerRecord<String, byte[]>> log = partitions.get(partition);
            for (int offset = Math.toIntExact(from.getOrDefault(partition, 0L)); offset < log.size(); offset++) {
                ProducerRecord<String, byte[]> record = log.get(offset);
                written.add(BackfillRecords.plan(record.headers()), BackfillRecords.bar(record.value()));
                scannedRecords++;
            }
        }
        return written;
    }

    synchronized List<Bar> bars() {
        return partitions.stream().flatMap(List::stream).map(record -> BackfillRecords.bar(record.value())).toList();
    }

    synchronized List<ProducerRecord<String, byte[]>> records() {
        return partitions.stream().flatMap(List::stream).toList();
    }

    int scans() {
        return scans;
    }

    long scannedRecords() {
        return scannedRecords;
    }
}
