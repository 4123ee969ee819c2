package io.mystocks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.api.web.CsrfTestTokens;
import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Json;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Strategy jobs against a real broker and a real Redis, with no worker: idempotent submission, the
 * queue depth, cancelling, job events, and the job results, cancels of queued jobs and idempotency keys
 * rebuilt from Kafka after Redis lost them. Before each test the workers' group is made to have consumed
 * every job, so that the queue starts empty; the periodic check for a complete Redis is off (once an
 * hour) so that only the start and the requests trigger a rebuild.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mystocks.csrf.secret=" + StrategyJobsIT.SECRET, "mystocks.jobs.max-queue-depth=3",
        "mystocks.jobs.queue-depth-interval=200ms", "mystocks.jobs.events-poll-interval=100ms",
        "mystocks.jobs.rebuild-check-interval=1h"})
@AutoConfigureWebTestClient(timeout = "30s")
class StrategyJobsIT extends LiveApplication {
    static final String SECRET = "strategy-jobs-it-secret-of-32-chr!";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GROUP = "mystocks-strategy-workers";

    @Autowired
    private WebTestClient client;

    @Autowired
    private RedissonClient redisson;

    @Autowired
    private Clock clock;

    @LocalServerPort
    private int port;

    @BeforeEach
    void startWithCompleteResultsAndAnEmptyQueue() {
        await().atMost(WAIT).until(() -> redisson.getBucket("mystocks:jobs:results-complete").isExists());
        consumeEveryJob();
        awaitQueueDepth(0);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyQueueOneJob() {
        String body = "{\"strategy_id\": \"balanced\", \"params\": {\"top_n\": 3}}";

        List<EntityExchangeResult<String>> answers = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> execute(body, "retry-me")))
                .toList().stream().map(CompletableFuture::join).toList();
        EntityExchangeResult<String> later = execute(body, "retry-me");

        Set<String> jobIds = answers.stream().filter(a -> a.getStatus().value() == 202).map(a -> jobId(a))
                .collect(Collectors.toSet());
        assertThat(answers).allSatisfy(a -> assertThat(a.getStatus().value()).isIn(202, 409));
        assertThat(jobIds).hasSize(1);
        assertThat(later.getStatus().value()).isEqualTo(202);
        assertThat(later.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jobId(later)).isEqualTo(jobIds.iterator().next());
        assertThat(jobsOnKafka().stream().filter(r -> r.value().strategyId().equals("balanced")).toList())
                .singleElement().satisfies(record -> assertThat(record.key()).isEqualTo(jobId(later)));
        assertThat(redisson.getBucket("mystocks:idempotency:retry-me", StringCodec.INSTANCE).remainTimeToLive())
                .isGreaterThan(Duration.ofDays(6).toMillis());
    }

    /**
     * A result is answered when Redis answers, off the connection's event loop. Reactor Netty 1.3.6 now and
     * then stopped reading a keep-alive connection after such a response, and the next request on it waited
     * unanswered until the client gave up (about one in a hundred here): one connection, many requests.
     */
    @Test
    void everyRequestOnAKeepAliveConnectionIsAnsweredAfterRedisAnswers() throws Exception {
        String jobId = jobId(execute("{\"strategy_id\": \"value\"}", null));
        HttpRequest result = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/strategy/"
                + jobId + "/result")).timeout(Duration.ofSeconds(5)).build();
        int unanswered = 0;
        int notOk = 0;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int i = 0; i < 1_500; i++) {
                try {
                    if (http.send(result, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                        notOk++;
                    }
                } catch (HttpTimeoutException e) {
                    unanswered++;
                }
            }
        }

        assertThat(unanswered).as("requests left unanswered for 5 s").isZero();
        assertThat(notOk).isZero();
    }

    @Test
    void aQueueAtItsDepthLimitTurnsSubmissionsAwayUntilTheWorkersCatchUp() {
        String body = "{\"strategy_id\": \"ma_cross\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(execute(body, null).getStatus().value()).isEqualTo(202);
        }
        awaitQueueDepth(3);

        EntityExchangeResult<String> full = execute(body, null);
        consumeEveryJob();
        awaitQueueDepth(0);

        assertThat(full.getStatus().value()).isEqualTo(503);
        assertThat(full.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(full.getResponseBody()).contains("the job queue is full: 3 jobs are waiting");
        assertThat(jobsOnKafka().stream().filter(r -> r.value().strategyId().equals("ma_cross"))).hasSize(3);
        assertThat(execute(body, null).getStatus().value()).isEqualTo(202);
    }

    @Test
    void cancellingAQueuedJobStoresItsCancelledStateAndTheRequestForTheWorkers() {
        String jobId = jobId(execute("{\"strategy_id\": \"growth\"}", null));

        client.delete().uri("/api/strategy/jobs/{id}", jobId).header(CsrfTestTokens.HEADER, token())
                .header("X-Request-ID", "cancel-it").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("CANCELLED");

        JobState stored = state(jobId);
        assertThat(stored.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(stored.message()).startsWith("cancelled by request cancel-it at ");
        JobCancel cancel = Json.mapper().readValue((String) redisson.getBucket(JobCancel.redisKey(jobId),
                StringCodec.INSTANCE).get(), JobCancel.class);
        assertThat(cancel.requestId()).isEqualTo("cancel-it");
        client.delete().uri("/api/strategy/jobs/{id}", jobId).header(CsrfTestTokens.HEADER, token()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("ALREADY_CANCELLED");
    }

    @Test
    void cancellingARunningJobLeavesItsStateToTheWorker() {
        String jobId = jobId(execute("{\"strategy_id\": \"growth\"}", null));
        JobState running = state(jobId).running(clock.instant(), "worker-x").progressed(0.3, "scoring");
        store(running);

        client.delete().uri("/api/strategy/jobs/{id}", jobId).header(CsrfTestTokens.HEADER, token()).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.data.status").isEqualTo("RUNNING");

        assertThat(state(jobId)).isEqualTo(running);
        assertThat(redisson.getBucket(JobCancel.redisKey(jobId), StringCodec.INSTANCE).isExists()).isTrue();
    }

    @Test
    void eventsFollowTheStatesAWorkerWritesUntilTheJobEnds() {
        String jobId = jobId(execute("{\"strategy_id\": \"value\"}", null));
        JobState queued = state(jobId);
        JobState running = queued.running(clock.instant(), "worker-x").progressed(0.5, "scoring");
        JobState done = running.succeeded(clock.instant(), Map.of("picks", List.of("600519")));

        List<JobState> seen = client.get().uri("/api/strategy/jobs/{id}/events", jobId)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody()
                .filter(event -> "state".equals(event.event()))
                .map(event -> Json.mapper().readValue(event.data(), JobState.class))
                .doOnNext(state -> store(state.status() == JobStatus.QUEUED ? running : done))
                .collectList().block(WAIT);

        assertThat(seen).containsExactly(queued, running, done);
    }

    @Test
    void resultsLostWithRedisAreRebuiltFromTheResultsTopic() throws Exception {
        JobState cancelled = terminal("rebuilt-cancelled", "value", 90).cancelled(clock.instant(), "cancelled by r");
        JobState succeeded = terminal("rebuilt-succeeded", "value", 60).succeeded(clock.instant(), Map.of("n", 1));
        JobState expired = terminal("rebuilt-expired", "growth", 60).failed(clock.instant().minus(Duration.ofDays(8)),
                "too old");
        publishResults(List.of(cancelled, succeeded, expired));
        List.of(cancelled, succeeded).forEach(this::store);
        double restoredBefore = restored();

        redisson.getKeys().flushall();

        client.get().uri("/api/strategy/{id}/result", "rebuilt-succeeded").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .startsWith("results are being rebuilt from Kafka"));
        await().atMost(WAIT).until(() -> redisson.getBucket("mystocks:jobs:results-complete").isExists());

        client.get().uri("/api/strategy/{id}/result", "rebuilt-succeeded").exchange().expectStatus().isOk();
        assertThat(state("rebuilt-succeeded")).isEqualTo(succeeded);
        assertThat(state("rebuilt-cancelled")).isEqualTo(cancelled);
        client.get().uri("/api/strategy/value/result").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.job_id").isEqualTo(succeeded.jobId());
        client.get().uri("/api/strategy/{id}/result", "rebuilt-expired").exchange().expectStatus().isNotFound();
        assertThat(restored()).isGreaterThanOrEqualTo(restoredBefore + 2);
    }

    @Test
    void aJobNoWorkerHasTakenYetIsQueuedAgainOnceRedisLostItsState() {
        String jobId = jobId(execute("{\"strategy_id\": \"kdj_cross\"}", null));
        JobState before = state(jobId);

        loseRedisAndAwaitTheRebuild(jobId);

        client.get().uri("/api/strategy/{id}/result", jobId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("QUEUED");
        assertThat(state(jobId)).isEqualTo(before);
        client.get().uri("/api/strategy/kdj_cross/result").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.job_id").isEqualTo(jobId);
    }

    @Test
    void aJobCancelledWhileQueuedStaysCancelledOnceRedisLostItsState() {
        String jobId = jobId(execute("{\"strategy_id\": \"macd_cross\"}", null));
        client.delete().uri("/api/strategy/jobs/{id}", jobId).header(CsrfTestTokens.HEADER, token())
                .header("X-Request-ID", "cancel-before-flush").exchange()
                .expectStatus().isOk();
        JobState cancelled = state(jobId);

        loseRedisAndAwaitTheRebuild(jobId);

        client.get().uri("/api/strategy/{id}/result", jobId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("CANCELLED");
        assertThat(state(jobId)).isEqualTo(cancelled);
        assertThat(cancelled.message()).startsWith("cancelled by request cancel-before-flush at ");
    }

    @Test
    void anIdempotencyKeyOutlivesRedisLosingItsStateAndStillStandsForItsFirstRequest() {
        String body = "{\"strategy_id\": \"ema_cross\", \"params\": {\"fast\": 8}}";
        EntityExchangeResult<String> first = execute(body, "outlives-flush");

        redisson.getKeys().flushall();

        EntityExchangeResult<String> whileRebuilding = execute(body, "outlives-flush");
        // Looking the job up wakes the rebuild, whatever the submission did.
        client.get().uri("/api/strategy/{id}/result", jobId(first)).exchange();
        await().atMost(WAIT).until(() -> redisson.getBucket("mystocks:jobs:results-complete").isExists());
        EntityExchangeResult<String> retry = execute(body, "outlives-flush");
        EntityExchangeResult<String> other = execute("{\"strategy_id\": \"ema_cross\", \"params\": {\"fast\": 9}}",
                "outlives-flush");

        assertThat(first.getStatus().value()).isEqualTo(202);
        assertThat(whileRebuilding.getStatus().value()).isEqualTo(503);
        assertThat(whileRebuilding.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(retry.getStatus().value()).isEqualTo(202);
        assertThat(retry.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(data(retry)).isEqualTo(data(first));
        assertThat(other.getStatus().value()).isEqualTo(422);
        assertThat(Json.mapper().readTree(other.getResponseBody()).at("/errors/0/code").asString())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jobsOnKafka().stream().filter(r -> r.value().strategyId().equals("ema_cross")).toList())
                .singleElement().satisfies(record -> assertThat(record.key()).isEqualTo(jobId(first)));
        assertThat(redisson.getBucket("mystocks:idempotency:outlives-flush", StringCodec.INSTANCE)
                .remainTimeToLive()).isGreaterThan(Duration.ofDays(6).toMillis());
    }

    @Test
    void anUnreadableStateIsSetAsideAndTheJobRestoredFromTheResultsTopic() throws Exception {
        JobState succeeded = terminal("unreadable-succeeded", "low_volatility", 60)
                .succeeded(clock.instant(), Map.of("n", 2));
        publishResults(List.of(succeeded));
        String garbage = "{\"job_id\": \"unreadable-succeeded\", \"status\": \"DONE\"";
        redisson.getBucket(JobState.redisKey(succeeded.jobId()), StringCodec.INSTANCE).set(garbage);

        client.get().uri("/api/strategy/{id}/result", succeeded.jobId()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody().jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("the stored state of job "
                        + "unreadable-succeeded cannot be read").contains("retry in a few seconds"));
        await().atMost(WAIT).until(() -> redisson.getBucket("mystocks:jobs:results-complete").isExists());

        client.get().uri("/api/strategy/{id}/result", succeeded.jobId()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("SUCCEEDED");
        assertThat(state(succeeded.jobId())).isEqualTo(succeeded);
        assertThat(redisson.getBucket("mystocks:unreadable:" + JobState.redisKey(succeeded.jobId()),
                StringCodec.INSTANCE).get()).isEqualTo(garbage);
    }

    @Test
    void aJobIsAnsweredWithItsStateAsStoredByteForByte() {
        String stored = storedState("stored-as-is",
                "{\"tiny\":1.0E-6,\"items\":[{\"score\":99.50,\"name\":\"\u00e9\"}]}");
        redisson.getBucket(JobState.redisKey("stored-as-is"), StringCodec.INSTANCE).set(stored);

        String body = client.get().uri("/api/strategy/{id}/result", "stored-as-is").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).startsWith("{\"success\":true,").contains("\"data\":" + stored + ",\"request_id\":");
    }

    @Test
    void aStoredResultThatIsNotWellFormedIsSetAsideLikeAnyUnreadableState() {
        String broken = storedState("broken-result", "{\"items\":[1,2}");
        redisson.getBucket(JobState.redisKey("broken-result"), StringCodec.INSTANCE).set(broken);

        client.get().uri("/api/strategy/{id}/result", "broken-result").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2");
        assertThat(redisson.getBucket("mystocks:unreadable:" + JobState.redisKey("broken-result"),
                StringCodec.INSTANCE).get()).isEqualTo(broken);
    }

    @Test
    void anUnreadableCancelRequestIsReplacedByTheNewOne() {
        String jobId = jobId(execute("{\"strategy_id\": \"growth\"}", null));
        redisson.getBucket(JobCancel.redisKey(jobId), StringCodec.INSTANCE).set("not json");

        client.delete().uri("/api/strategy/jobs/{id}", jobId).header(CsrfTestTokens.HEADER, token())
                .header("X-Request-ID", "cancel-again").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("CANCELLED");

        JobCancel cancel = Json.mapper().readValue((String) redisson.getBucket(JobCancel.redisKey(jobId),
                StringCodec.INSTANCE).get(), JobCancel.class);
        assertThat(cancel.requestId()).isEqualTo("cancel-again");
    }

    @Test
    void anUnreadableIdempotencyKeyIsAConflictThatSaysWhatToDo() {
        redisson.getBucket("mystocks:idempotency:garbled", StringCodec.INSTANCE).set("[1, 2");

        EntityExchangeResult<String> answer = execute("{\"strategy_id\": \"momentum\"}", "garbled");

        assertThat(answer.getStatus().value()).isEqualTo(409);
        assertThat(Json.mapper().readTree(answer.getResponseBody()).at("/errors/0/code").asString())
                .isEqualTo("IDEMPOTENCY_KEY_UNREADABLE");
        assertThat(answer.getResponseBody()).contains("GET /api/strategy/momentum/result")
                .contains("a new Idempotency-Key");
        assertThat(jobsOnKafka().stream().filter(r -> r.value().strategyId().equals("momentum"))).isEmpty();
    }

    @Test
    void aJobQueuedWhileRedisIsFullIsNeverUnknownAndItsResultComesBackFromTheTopic() throws Exception {
        String jobId;
        try {
            maxMemory("1");
            EntityExchangeResult<String> accepted = execute("{\"strategy_id\": \"rsi_reversion\"}", null);
            assertThat(accepted.getStatus().value()).isEqualTo(202);
            jobId = jobId(accepted);

            client.get().uri("/api/strategy/{id}/result", jobId).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2");
            JobState queued = JobState.queued(jobsOnKafka().stream().filter(r -> r.key().equals(jobId))
                    .findFirst().orElseThrow().value());
            publishResults(List.of(queued.running(clock.instant(), "worker-x")
                    .succeeded(clock.instant(), Map.of("n", 7))));
            client.get().uri("/api/strategy/{id}/result", jobId).exchange().expectStatus().isEqualTo(503);
        } finally {
            maxMemory("2gb");
        }

        // Each lookup that finds the results incomplete wakes the rebuild, which failed while Redis was full.
        await().atMost(WAIT).until(() -> client.get().uri("/api/strategy/{id}/result", jobId).exchange()
                .returnResult(String.class).getStatus().value() != 503);
        client.get().uri("/api/strategy/{id}/result", jobId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("SUCCEEDED");
    }

    /** Empties Redis and looks the job up: 503 until the rebuild, which the lookup wakes, has run. */
    private void loseRedisAndAwaitTheRebuild(String jobId) {
        redisson.getKeys().flushall();
        client.get().uri("/api/strategy/{id}/result", jobId).exchange().expectStatus().isEqualTo(503);
        await().atMost(WAIT).until(() -> redisson.getBucket("mystocks:jobs:results-complete").isExists());
    }

    private void maxMemory(String limit) {
        redisson.getRedisNodes(RedisNodes.SINGLE).getInstance().setConfig("maxmemory", limit);
    }

    /** A job submitted {@code age} seconds ago, running since. */
    private JobState terminal(String jobId, String strategyId, int age) {
        return JobState.queued(new JobRequest(jobId, strategyId, Map.of(), clock.instant().minusSeconds(age), "r"))
                .running(clock.instant().minusSeconds(age), "worker-x");
    }

    private EntityExchangeResult<String> execute(String body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/strategy/execute")
                .header(CsrfTestTokens.HEADER, token()).contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.bodyValue(body).exchange().expectBody(String.class).returnResult();
    }

    private String token() {
        return CsrfTestTokens.mint(SECRET, clock);
    }

    private static String jobId(EntityExchangeResult<String> answer) {
        return Json.mapper().readTree(answer.getResponseBody()).at("/data/job_id").asString();
    }

    /** The envelope's data as sent, field order included. */
    private static String data(EntityExchangeResult<String> answer) {
        return Json.mapper().writeValueAsString(Json.mapper().readTree(answer.getResponseBody()).at("/data"));
    }

    /** A SUCCEEDED state as a worker writes it, with the given result JSON. */
    private static String storedState(String jobId, String result) {
        return "{\"job_id\":\"" + jobId + "\",\"strategy_id\":\"value\",\"status\":\"SUCCEEDED\","
                + "\"progress\":1.0,\"message\":\"succeeded\",\"submitted_at\":\"2026-12-04T10:00:00Z\","
                + "\"started_at\":\"2026-12-04T10:00:01Z\",\"finished_at\":\"2026-12-04T10:00:02Z\","
                + "\"result\":" + result + ",\"attempts\":1,\"worker\":\"w-1\"}";
    }

    private JobState state(String jobId) {
        Object json = redisson.getBucket(JobState.redisKey(jobId), StringCodec.INSTANCE).get();
        assertThat(json).as("state of %s", jobId).isNotNull();
        return Json.mapper().readValue((String) json, JobState.class);
    }

    private void store(JobState state) {
        redisson.getBucket(JobState.redisKey(state.jobId()), StringCodec.INSTANCE)
                .set(Json.mapper().writeValueAsString(state));
    }

    private String metrics() {
        return client.get().uri("/metrics").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** Job states restored since start, as {@code /metrics} counts them; other tests' rebuilds add to it. */
    private double restored() {
        Matcher total = Pattern.compile("(?m)^mystocks_jobs_results_restored_total(?:\\{[^}]*})? (\\S+)$")
                .matcher(metrics());
        assertThat(total.find()).as("mystocks_jobs_results_restored_total in /metrics").isTrue();
        return Double.parseDouble(total.group(1));
    }

    private void awaitQueueDepth(long depth) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(metrics())
                .contains("mystocks_jobs_queue_depth " + (double) depth));
    }

    /** Commits the end of every partition of strategy.jobs for the workers' group, as if they had run it all. */
    private static void consumeEveryJob() {
        try (KafkaConsumer<String, byte[]> group = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(group);
            group.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> ends = group.endOffsets(partitions).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
            group.commitSync(ends);
        }
    }

    private static List<ConsumerRecord<String, JobRequest>> jobsOnKafka() {
        try (KafkaConsumer<String, JobRequest> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringDeserializer(),
                JsonSerde.of(JobRequest.class))) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, JobRequest>> records = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer) {
        return consumer.partitionsFor(Topics.JOBS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** What the workers publish once a job ends. */
    private static void publishResults(List<JobState> states) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            for (JobState state : states) {
                byte[] value = JsonSerde.of(JobState.class).serialize(Topics.RESULTS.name(), state);
                producer.send(new ProducerRecord<>(Topics.RESULTS.name(), state.jobId(), value))
                        .get(10, TimeUnit.SECONDS);
            }
        }
    }
}
