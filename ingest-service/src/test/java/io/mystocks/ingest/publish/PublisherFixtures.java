package io.mystocks.ingest.publish;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mystocks.contracts.QuoteValidator;
import io.mystocks.ingest.kafka.RecordSender;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/** A real publisher over a recording sender, for tests of the feeds. */
public final class PublisherFixtures {
    private PublisherFixtures() {
    }

    /** A publisher that knows the given symbols and allows 5 s of clock skew. */
    public static QuotePublisher publisher(RecordSender sender, Predicate<String> knownSymbols, Clock clock) {
        QuoteValidator validator = new QuoteValidator(knownSymbols, Duration.ofSeconds(5), clock);
        return new QuotePublisher(validator, sender, new QuoteMetrics(new SimpleMeterRegistry()), clock);
    }

    /** Acknowledges every record at the next offset of partition 0 of its topic, or fails every send. */
    public static final class RecordingSender implements RecordSender {
        private final List<ProducerRecord<String, byte[]>> sent = Collections.synchronizedList(new ArrayList<>());
        private volatile RuntimeException failure;

        @Override
        public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            synchronized (sent) {
                long offset = sent.stream().filter(earlier -> earlier.topic().equals(record.topic())).count();
                sent.add(record);
                return CompletableFuture.completedFuture(new RecordMetadata(new TopicPartition(record.topic(), 0),
                        offset, 0, 0, 0, 0));
            }
        }

        public void failWith(RuntimeException failure) {
            this.failure = failure;
        }

        public List<ProducerRecord<String, byte[]>> sent() {
            synchronized (sent) {
                return List.copyOf(sent);
            }
        }

        public List<ProducerRecord<String, byte[]>> sent(String topic) {
            return sent().stream().filter(record -> record.topic().equals(topic)).toList();
        }
    }
}
