package io.mystocks.worker;

import static org.awaitility.Awaitility.await;

import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.Json;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.TopicSpec;
import io.mystocks.contracts.Topics;
import io.mystocks.stack.EmbeddedKafkaBroker;
import io.mystocks.stack.EmbeddedRedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * A real broker with every topic and a real Redis for the worker's integration tests, with the moves
 * the API makes (queue a job, store its state, ask to cancel it) and ways to read what workers wrote.
 */
final class JobsTestKit implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String GROUP = "mystocks-strategy-workers";

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedRedisServer redis;
    private final KafkaProducer<String, byte[]> producer;
    private final RedissonClient redisson;

    private JobsTestKit(EmbeddedKafkaBroker kafka, EmbeddedRedisServer redis) {
        this.kafka = kafka;
        this.redis = redis;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        Config config = new Config();
        config.useSingleServer().setAddress(redis.address());
        this.redisson = Redisson.create(config);
    }

    static JobsTestKit start() {
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startTemporary();
        kafka.createTopics(Topics.all());
        return new JobsTestKit(kafka, EmbeddedRedisServer.start(0, null));
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String redisAddress() {
        return redis.address();
    }

    /** Queues a job as the API does: keyed by job id, with the request id header. */
    RecordMetadata submit(JobRequest request) throws ExecutionException, InterruptedException, TimeoutException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.JOBS.name(), request.jobId(),
                JsonSerde.of(JobRequest.class).serialize(Topics.JOBS.name(), request));
        RecordHeaders.put(record.headers(), RecordHeaders.REQUEST_ID, request.requestId());
        return producer.send(record).get(10, TimeUnit.SECONDS);
    }

    RecordMetadata send(TopicSpec topic, String key, byte[] value)
            throws ExecutionException, InterruptedException, TimeoutException {
        return producer.send(new ProducerRecord<>(topic.name(), key, value)).get(10, TimeUnit.SECONDS);
    }

    void flush() {
        producer.flush();
    }

    void storeState(JobState state) {
        redisson.getBucket(JobState.redisKey(state.jobId()), StringCodec.INSTANCE)
                .set(Json.mapper().writeValueAsString(state));
    }

    /** Asks for a job to be cancelled, as {@code DELETE /api/strategy/jobs/{id}} does. */
    void requestCancel(JobCancel cancel) {
        redisson.getBucket(JobCancel.redisKey(cancel.jobId()), StringCodec.INSTANCE)
                .set(Json.mapper().writeValueAsString(cancel));
    }

    /** Sets Redis's memory limit; its policy is noeviction, so a limit below its use makes it refuse writes. */
    void maxMemory(String limit) {
        redisson.getRedisNodes(RedisNodes.SINGLE).getInstance().setConfig("maxmemory", limit);
    }

    void set(String key, String value) {
        redisson.getBucket(key, StringCodec.INSTANCE).set(value);
    }

    boolean exists(String key) {
        return redisson.getBucket(key, StringCodec.INSTANCE).isExists();
    }

    boolean hasCancelRequest(String jobId) {
        return redisson.getBucket(JobCancel.redisKey(jobId), StringCodec.INSTANCE).isExists();
    }

    Optional<JobState> readState(String jobId) {
        Object json = redisson.getBucket(JobState.redisKey(jobId), StringCodec.INSTANCE).get();
        return Optional.ofNullable(json).map(j -> Json.mapper().readValue((String) j, JobState.class));
    }

    JobState awaitTerminal(String jobId) {
        return await().atMost(PATIENCE).until(() -> readState(jobId).orElse(null),
                state -> state != null && state.status().isTerminal());
    }

    /** The latest record of a job on {@code strategy.results}, once there is one. */
    JobState awaitResultOnTopic(String jobId) {
        return await().atMost(PATIENCE).until(() -> resultsOnTopic().stream()
                .filter(record -> jobId.equals(record.key())).reduce((first, second) -> second)
                .map(ConsumerRecord::value).orElse(null), state -> state != null);
    }

    /** Every record of {@code strategy.results} up to its current end, in offset order per partition. */
    List<ConsumerRecord<String, JobState>> resultsOnTopic() {
        try (KafkaConsumer<String, JobState> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), JsonSerde.of(JobState.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RESULTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, JobState>> records = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records;
        }
    }

    /** The group's committed offset of a partition of {@code strategy.jobs}, or -1. */
    long committed(TopicPartition partition) throws ExecutionException, InterruptedException {
        try (Admin admin = kafka.admin()) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get()
                    .get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    Admin admin() {
        return kafka.admin();
    }

    @Override
    public void close() {
        redisson.shutdown();
        producer.close();
        redis.close();
        kafka.close();
    }
}
