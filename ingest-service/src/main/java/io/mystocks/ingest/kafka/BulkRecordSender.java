package io.mystocks.ingest.kafka;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A second producer for bulk writes such as the history backfill, tuned for throughput (large batches, a
 * longer linger). Its own buffer keeps a bulk write from filling the buffer of the live feeds' producer,
 * which would block their sends. Same guarantees as every producer here: idempotent, acks from all replicas.
 */
public final class BulkRecordSender implements AutoCloseable {
    private final KafkaRecordSender sender;

    BulkRecordSender(KafkaRecordSender sender) {
        this.sender = sender;
    }

    /** As {@link RecordSender#send(ProducerRecord)}. */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return sender.send(record);
    }

    @Override
    public void close() {
        sender.close();
    }
}
