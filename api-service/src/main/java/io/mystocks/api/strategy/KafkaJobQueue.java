package io.mystocks.api.strategy;

import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts jobs on {@code strategy.jobs}, and the CANCELLED state of a job cancelled while queued on
 * {@code strategy.results}, both keyed by job id, in the JSON the workers read and write. The producer
 * is idempotent with {@code acks=all}; a record counts as written only once the broker acknowledged it.
 */
final class KafkaJobQueue implements JobQueue, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(KafkaJobQueue.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final JsonSerde<JobRequest> REQUESTS = JsonSerde.of(JobRequest.class);
    private static final JsonSerde<JobState> STATES = JsonSerde.of(JobState.class);

    private final Producer<String, byte[]> producer;

    KafkaJobQueue(Map<String, Object> kafkaProducerProperties, JobProperties properties) {
        this.producer = new KafkaProducer<>(producerConfig(kafkaProducerProperties, properties.sendTimeout()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public Mono<Void> submit(JobRequest request) {
        return Mono.fromSupplier(() -> new ProducerRecord<>(Topics.JOBS.name(), request.jobId(),
                        REQUESTS.serialize(Topics.JOBS.name(), request)))
                .flatMap(record -> send(record, request.requestId()))
                .doOnNext(metadata -> log.debug("Queued job {} at {}-{}@{}", request.jobId(), metadata.topic(),
                        metadata.partition(), metadata.offset()))
                .onErrorMap(KafkaJobQueue::isUnavailable, error -> new DependencyUnavailableException("kafka",
                        "the job queue (Kafka) did not accept the job: " + error.getMessage()
                                + "; nothing was queued, retry later", RETRY_AFTER, error))
                .then();
    }

    @Override
    public Mono<Void> withdraw(JobState cancelled, String requestId) {
        return Mono.fromSupplier(() -> new ProducerRecord<>(Topics.RESULTS.name(), cancelled.jobId(),
                        STATES.serialize(Topics.RESULTS.name(), cancelled)))
                .flatMap(record -> send(record, requestId))
                .doOnNext(metadata -> log.debug("Recorded job {} {} at {}-{}@{}", cancelled.jobId(),
                        cancelled.status(), metadata.topic(), metadata.partition(), metadata.offset()))
                .onErrorMap(KafkaJobQueue::isUnavailable, error -> new DependencyUnavailableException("kafka",
                        "the job results (Kafka) did not accept the " + cancelled.status() + " state of job "
                                + cancelled.jobId() + ": " + error.getMessage(), RETRY_AFTER, error))
                .then();
    }

    private Mono<RecordMetadata> send(ProducerRecord<String, byte[]> record, String requestId) {
        RecordHeaders.put(record.headers(), RecordHeaders.REQUEST_ID, requestId);
        // send() may block on metadata while Kafka is away, so it never runs on an event-loop thread;
        // the answer is moved off the producer's I/O thread as well.
        return Mono.<RecordMetadata>create(sink -> producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        sink.success(metadata);
                    } else {
                        sink.error(error);
                    }
                }))
                .subscribeOn(Schedulers.boundedElastic())
                .publishOn(Schedulers.parallel());
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }

    private static boolean isUnavailable(Throwable error) {
        return error instanceof KafkaException && !(error instanceof SerializationException);
    }

    private static Map<String, Object> producerConfig(Map<String, Object> base, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(base);
        int timeout = Math.toIntExact(sendTimeout.toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "mystocks-api-jobs");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Half the budget for metadata, half for delivery, so a client waits at most about sendTimeout.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 4);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout / 2);
        return config;
    }
}
