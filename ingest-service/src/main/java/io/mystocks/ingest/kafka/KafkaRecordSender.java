package io.mystocks.ingest.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/** The one producer of this service, shared by every feed: Kafka producers are thread-safe and batch better. */
final class KafkaRecordSender implements RecordSender, AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<String, byte[]> producer;

    KafkaRecordSender(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(metadata);
                } else {
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // Thrown on the caller's thread when the buffer stays full or the producer is closed; the
            // caller learns it through the future like any other failed send.
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    /** Sends what is buffered, waiting a bounded time, so that a clean shutdown loses nothing. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
