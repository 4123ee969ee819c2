package io.mystocks.worker.jobs;

import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes job outputs with an idempotent producer that waits for every in-sync replica. */
final class KafkaJobOutputs implements JobOutputs, AutoCloseable {
    private static final JsonSerde<DeadLetter> LETTERS = JsonSerde.of(DeadLetter.class);

    private final KafkaProducer<String, byte[]> producer;

    KafkaJobOutputs(Map<String, Object> clientConfig, JobsProperties jobs) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(jobs.publishTimeout().toMillis()));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(jobs.publishTimeout().toMillis() / 2));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(config);
    }

    @Override
    public void publishResult(EncodedState terminal, String requestId) throws InterruptedException {
        send(new ProducerRecord<>(Topics.RESULTS.name(), terminal.state().jobId(), terminal.json()), requestId);
    }

    @Override
    public void deadLetter(String key, DeadLetter letter, String requestId) throws InterruptedException {
        String topic = Topics.JOBS_DLQ.name();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, LETTERS.serialize(topic, letter));
        RecordHeaders.put(record.headers(), RecordHeaders.DLQ_REASON, letter.reasons().getFirst());
        RecordHeaders.put(record.headers(), RecordHeaders.DLQ_SOURCE, letter.source());
        send(record, requestId);
    }

    private void send(ProducerRecord<String, byte[]> record, String requestId) throws InterruptedException {
        RecordHeaders.put(record.headers(), RecordHeaders.REQUEST_ID, requestId);
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new PublishFailedException("cannot publish " + record.key() + " to " + record.topic(),
                    e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
