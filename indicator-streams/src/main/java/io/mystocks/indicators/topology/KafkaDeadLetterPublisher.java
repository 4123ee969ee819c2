package io.mystocks.indicators.topology;

import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes dead letters to {@link Topics#QUOTES_DLQ} with a small idempotent producer of its own, not
 * part of any transaction: a dead letter may therefore be written twice if the stream fails before it
 * commits the offset of the bad record, but it is never lost.
 */
public final class KafkaDeadLetterPublisher implements DeadLetterPublisher, AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, DeadLetter> producer;
    private final String bootstrapServers;

    private KafkaDeadLetterPublisher(Producer<String, DeadLetter> producer, String bootstrapServers) {
        this.producer = producer;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaDeadLetterPublisher create(String bootstrapServers, String clientId) {
        Map<String, Object> configs = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        return new KafkaDeadLetterPublisher(new KafkaProducer<>(configs, new StringSerializer(),
                JsonSerde.of(DeadLetter.class)), bootstrapServers);
    }

    @Override
    public void publish(String key, DeadLetter letter) {
        ProducerRecord<String, DeadLetter> record = new ProducerRecord<>(Topics.QUOTES_DLQ.name(), key, letter);
        RecordHeaders.put(record.headers(), RecordHeaders.DLQ_SOURCE, letter.source());
        RecordHeaders.put(record.headers(), RecordHeaders.DLQ_REASON, letter.reasons().getFirst());
        try {
            producer.send(record).get(SEND_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException("interrupted while writing a dead letter for " + letter.source(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterException("cannot write a dead letter for " + letter.source() + " to "
                    + Topics.QUOTES_DLQ.name() + " on " + bootstrapServers, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return "KafkaDeadLetterPublisher[" + Topics.QUOTES_DLQ.name() + " on " + bootstrapServers + "]";
    }
}
