package io.mystocks.indicators;

import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests against a real broker: write quotes, read what the stream committed. */
final class KafkaTestSupport implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    KafkaTestSupport(String bootstrapServers, Collection<String> outputTopics) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(outputTopics);
    }

    void send(Quote quote) throws ExecutionException, InterruptedException, TimeoutException {
        sendRaw(quote.symbol(), JsonSerde.of(Quote.class).serialize(Topics.QUOTES.name(), quote));
    }

    /** Sends the quotes in order and returns once the broker has all of them. */
    void sendAll(List<Quote> quotes) throws ExecutionException, InterruptedException, TimeoutException {
        JsonSerde<Quote> serde = JsonSerde.of(Quote.class);
        List<Future<RecordMetadata>> sent = new ArrayList<>(quotes.size());
        for (Quote quote : quotes) {
            sent.add(producer.send(new ProducerRecord<>(Topics.QUOTES.name(), quote.symbol(),
                    serde.serialize(Topics.QUOTES.name(), quote))));
        }
        producer.flush();
        for (Future<RecordMetadata> each : sent) {
            each.get(30, TimeUnit.SECONDS);
        }
    }

    void sendRaw(String key, byte[] value) throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(Topics.QUOTES.name(), key, value)).get(30, TimeUnit.SECONDS);
    }

    /** Polls once more, then returns the values read so far from one topic, in order. */
    <T> List<T> values(String topic, Class<T> type) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        JsonSerde<T> serde = JsonSerde.of(type);
        return received.stream().filter(record -> record.topic().equals(topic))
                .map(record -> serde.deserialize(topic, record.value())).toList();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
