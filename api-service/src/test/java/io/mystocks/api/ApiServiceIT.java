package io.mystocks.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.api.cache.ResponseCaches;
import io.mystocks.api.web.CsrfTestTokens;
import io.mystocks.api.web.RequestIds;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.Json;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Market;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** The whole service against a real Kafka broker and Redis server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mystocks.csrf.secret=" + ApiServiceIT.SECRET, "mystocks.health.probe-interval=300ms"})
@AutoConfigureWebTestClient
class ApiServiceIT extends LiveApplication {
    static final String SECRET = "integration-test-secret-32-chars!!";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private WebTestClient client;

    @Autowired
    private RedissonClient redisson;

    @Autowired
    @Qualifier("cacheRedissonClient")
    private RedissonClient cacheRedisson;

    @Autowired
    private Clock clock;

    @Autowired
    private ResponseCaches caches;

    @BeforeEach
    void awaitHealthy() {
        await().atMost(WAIT).untilAsserted(() -> client.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("healthy"));
    }

    @Test
    void healthReportsEveryDependencyUpAndTheSkippedPoisonRecord() {
        client.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.dependencies.kafka.status").isEqualTo("up")
                .jsonPath("$.data.dependencies.redis.status").isEqualTo("up")
                .jsonPath("$.data.dependencies.stores.status").isEqualTo("up")
                .jsonPath("$.data.dependencies.stores.skipped_records").isEqualTo(1)
                .jsonPath("$.data.dependencies.stores.bars").isEqualTo(3);
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void realtimeAndKlineAnswerFromTheOutputTopics() {
        client.get().uri("/api/data/realtime/600519").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.name").isEqualTo("贵州茅台")
                .jsonPath("$.data.price").isEqualTo(1711.5)
                .jsonPath("$.data.change_percent").isEqualTo(0.68);

        client.get().uri("/api/data/kline/600519?period=daily&limit=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.count").isEqualTo(2)
                .jsonPath("$.data.bars[0].date").isEqualTo("2026-12-02")
                .jsonPath("$.data.bars[1].date").isEqualTo("2026-12-03")
                .jsonPath("$.data.bars[1].close").isEqualTo(102.0)
                .jsonPath("$.data.bars[1].change_percent").isEqualTo(0.9901);
    }

    @Test
    void quotesPublishedAfterStartAreServedToo() {
        send(List.of(new ProducerRecord<>(Topics.QUOTES_LATEST.name(), "AAPL", quote("AAPL", "190.25"))));

        await().atMost(WAIT).untilAsserted(() -> client.get().uri("/api/data/realtime/AAPL").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.price").isEqualTo(190.25));
    }

    @Test
    void submittedJobReachesKafkaWithTheRequestIdAndIsQueuedInRedis() {
        String token = client.get().uri("/api/csrf-token").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()
                .replaceAll(".*\"csrf_token\":\"([^\"]+)\".*", "$1");

        String jobId = client.post().uri("/api/strategy/execute")
                .header(CsrfTestTokens.HEADER, token)
                .header(RequestIds.HEADER, "it-request-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"strategy_id\": \"value\", \"params\": {\"top_n\": 5}}")
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().exists("Location")
                .expectBody(String.class).returnResult().getResponseBody()
                .replaceAll(".*\"job_id\":\"([^\"]+)\".*", "$1");

        ConsumerRecord<String, JobRequest> queued = findJob(jobId);
        assertThat(RecordHeaders.text(queued.headers(), RecordHeaders.REQUEST_ID)).isEqualTo("it-request-1");
        assertThat(queued.value().strategyId()).isEqualTo("value");
        assertThat(queued.value().params()).containsEntry("top_n", 5).containsEntry("min_score", 60);
        assertThat(queued.value().requestId()).isEqualTo("it-request-1");
        client.get().uri("/api/strategy/{id}/result", jobId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.job_id").isEqualTo(jobId)
                .jsonPath("$.data.status").isEqualTo("QUEUED");

        JobState done = JobState.queued(queued.value()).running(clock.instant(), "worker-a")
                .succeeded(clock.instant(), Map.of("picks", List.of("600519")));
        redisson.getBucket(JobState.redisKey(jobId), StringCodec.INSTANCE).set(Json.mapper().writeValueAsString(done));

        client.get().uri("/api/strategy/value/result").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.job_id").isEqualTo(jobId)
                .jsonPath("$.data.status").isEqualTo("SUCCEEDED")
                .jsonPath("$.data.worker").isEqualTo("worker-a")
                .jsonPath("$.data.result.picks[0]").isEqualTo("600519");
    }

    @Test
    void stockCombinesReferenceDataSampleFundamentalsAndTheQuote() {
        client.get().uri("/api/data/stock/600519").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.name").isEqualTo("贵州茅台")
                .jsonPath("$.data.fundamentals.pe").isEqualTo(28.5)
                .jsonPath("$.data.fundamentals.sample").isEqualTo(true)
                .jsonPath("$.data.quote.price").isEqualTo(1711.5);
        client.get().uri("/api/data/batch-realtime?symbols=600519,999999,bad!").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.quotes[0].symbol").isEqualTo("600519")
                .jsonPath("$.data.unknown[0]").isEqualTo("999999")
                .jsonPath("$.data.invalid[0]").isEqualTo("bad!");
    }

    @Test
    void quotesFromKafkaArePushedToServerSentEventSubscribers() {
        Flux<ServerSentEvent<String>> events = client.get().uri("/api/stream?symbols=TSLA&channels=quotes")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody();
        await().atMost(WAIT).untilAsserted(() -> client.get().uri("/api/socketio-status").exchange()
                .expectBody().jsonPath("$.data.subscribers.sse").isEqualTo(1));

        send(List.of(new ProducerRecord<>(Topics.QUOTES_LATEST.name(), "TSLA", quote("TSLA", "250.75"))));

        ServerSentEvent<String> event = events.filter(e -> "quotes".equals(e.event())).blockFirst(WAIT);
        assertThat(Json.mapper().readTree(event.data()).get("price").decimalValue()).isEqualByComparingTo("250.75");
        assertThat(event.id()).matches("[0-9a-z]+-\\d+");
    }

    @Test
    void responseCacheSharesValuesThroughRedisAndClearingLeavesJobStates() {
        redisson.getBucket(JobState.redisKey("kept-job"), StringCodec.INSTANCE).set("{}");

        String value = new String(caches.cache("it").get("600519", "v1",
                () -> "\"computed\"".getBytes(StandardCharsets.UTF_8)).block(WAIT), StandardCharsets.UTF_8);
        await().atMost(WAIT).until(() -> cacheRedisson.getBucket("mystocks:cache:it:v1:600519",
                StringCodec.INSTANCE).isExists());
        assertThat(redisson.getBucket("mystocks:cache:it:v1:600519", StringCodec.INSTANCE).isExists())
                .as("the cache writes to its own database only").isFalse();

        assertThat(value).isEqualTo("\"computed\"");
        client.get().uri("/api/cache/info").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.l2.enabled").isEqualTo(true)
                // Other tests' reads may have cached answers of their own.
                .jsonPath("$.data.l2.keys").value(Integer.class, keys -> assertThat(keys).isPositive());
        client.delete().uri("/api/cache").header(CsrfTestTokens.HEADER, CsrfTestTokens.mint(SECRET, clock))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.l1_removed").value(Integer.class, removed -> assertThat(removed).isPositive())
                .jsonPath("$.data.l2_removed").value(Integer.class, removed -> assertThat(removed).isPositive());
        assertThat(cacheRedisson.getBucket("mystocks:cache:it:v1:600519", StringCodec.INSTANCE).isExists()).isFalse();
        assertThat(redisson.getBucket(JobState.redisKey("kept-job"), StringCodec.INSTANCE).isExists()).isTrue();
    }

    @Test
    void theFastLaneAndSpringAnswerEveryReadAlike() {
        List<String> reads = List.of("/", "/api/strategies", "/api/data/stock/600519", "/api/data/realtime/600519",
                "/api/data/batch-realtime?symbols=600519,000001,x!", "/api/data/kline/600519?limit=2",
                "/api/data/kline/600519?interval=1d&limit=5&start=2026-12-02",
                "/api/indicators/600519/SMA?timeperiod=2&limit=2", "/api/indicators/600519/all",
                "/api/technical-analysis/600519", "/api/data/realtime/not-a-symbol!", "/api/data/stock/ZZZZ",
                "/api/data/kline/600519?interval=7m&limit=0", "/api/indicators/600519/NOPE",
                "/api/strategy/momentum/result", "/api/strategy/nope!/result");

        for (String uri : reads) {
            EntityExchangeResult<String> fast = read(uri, null);
            EntityExchangeResult<String> spring = read(uri, "http://localhost:3000");

            assertThat(fast.getResponseHeaders().getAccessControlAllowOrigin()).as(uri).isNull();
            assertThat(spring.getResponseHeaders().getAccessControlAllowOrigin()).as("Spring answered " + uri)
                    .isEqualTo("http://localhost:3000");
            assertThat(fast.getStatus()).as(uri).isEqualTo(spring.getStatus());
            assertThat(withoutRequest(fast.getResponseBody())).as(uri)
                    .isEqualTo(withoutRequest(spring.getResponseBody()));
        }
    }

    @BeforeAll
    static void publishMarket() {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(Topics.QUOTES_LATEST.name(), "BAD", "{not json".getBytes(UTF_8)));
        Instrument moutai = new Instrument("600519", "贵州茅台", "SSE", Market.CN, "CNY", "Consumer Staples", 100);
        records.add(new ProducerRecord<>(Topics.INSTRUMENTS.name(), "600519", json(moutai)));
        records.add(new ProducerRecord<>(Topics.FUNDAMENTALS.name(), "600519", json(new Fundamentals("600519", 28.5,
                9.1, 0.31, 0.15, 0.17, 0.015, 2.1e12, LocalDate.of(2026, 9, 30), true))));
        records.add(new ProducerRecord<>(Topics.QUOTES_LATEST.name(), "600519", quote("600519", "1711.50")));
        for (int i = 0; i < 3; i++) {
            Bar bar = dailyBar(DAY.plusDays(i), new BigDecimal(100 + i).setScale(2));
            records.add(new ProducerRecord<>(Topics.bars(Interval.D1).name(), bar.key(), json(bar)));
        }
        send(records);
    }

    private EntityExchangeResult<String> read(String uri, String origin) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(uri);
        if (origin != null) {
            request = request.header(HttpHeaders.ORIGIN, origin);
        }
        return request.exchange().expectBody(String.class).returnResult();
    }

    /** The body without what differs from one request to the next: its request id and timestamp. */
    private static String withoutRequest(String body) {
        return body.replaceFirst(",\"request_id\":\"[^\"]+\",\"timestamp\":\"[^\"]+\"", "");
    }

    private static byte[] quote(String symbol, String price) {
        BigDecimal last = new BigDecimal(price);
        BigDecimal preClose = new BigDecimal("1700.00");
        return json(new LatestQuote(symbol, last, preClose, last, preClose, preClose, last.subtract(preClose),
                new BigDecimal("0.68"), 1000, new BigDecimal("1711500.00"), 3, LocalDate.of(2026, 12, 3),
                Instant.parse("2026-12-03T02:00:00Z")));
    }

    private static Bar dailyBar(LocalDate day, BigDecimal close) {
        Instant open = day.atTime(9, 30).atZone(SHANGHAI).toInstant();
        return new Bar("600519", Interval.D1, open, day.atTime(15, 0).atZone(SHANGHAI).toInstant(), day, close,
                close, close, close, 100, close.multiply(BigDecimal.valueOf(100)), 10, true);
    }

    private static byte[] json(Object value) {
        return Json.mapper().writeValueAsBytes(value);
    }

    private static void send(List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    private static ConsumerRecord<String, JobRequest> findJob(String jobId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, JobRequest> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                JsonSerde.of(JobRequest.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.JOBS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            AtomicReference<ConsumerRecord<String, JobRequest>> found = new AtomicReference<>();
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, JobRequest> record : consumer.poll(Duration.ofMillis(200))) {
                    if (jobId.equals(record.key())) {
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
            return found.get();
        }
    }
}
