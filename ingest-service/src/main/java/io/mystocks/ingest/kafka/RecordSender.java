package io.mystocks.ingest.kafka;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes one record to Kafka. The future completes with the record's coordinates once the broker has
 * acknowledged it, or exceptionally with the cause; it never blocks the caller for the acknowledgement.
 */
@FunctionalInterface
public interface RecordSender {
    CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record);
}
