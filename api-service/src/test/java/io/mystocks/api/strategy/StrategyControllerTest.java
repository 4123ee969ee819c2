package io.mystocks.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.MutableClock;
import io.mystocks.api.web.CsrfTestTokens;
import io.mystocks.api.web.RequestIds;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(controllers = StrategyController.class,
        properties = "mystocks.csrf.secret=" + StrategyControllerTest.SECRET)
@Import({WebConfiguration.class, TestClockConfig.class, JobsSliceConfig.class})
class StrategyControllerTest {
    static final String SECRET = "strategy-test-secret-of-32-chars!!";

    @Autowired
    private WebTestClient client;

    @Autowired
    private InMemoryJobs jobs;

    @Autowired
    private MutableClock clock;

    private String token;

    @BeforeEach
    void setUp() {
        jobs.reset();
        token = CsrfTestTokens.mint(SECRET, clock);
    }

    @Test
    void executeQueuesTheJobAndAnswers202WithItsLink() {
        var result = execute("{\"strategy_id\": \"value\", \"params\": {\"top_n\": 20, \"min_score\": 60}}", "req-7")
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.code").isEqualTo(0)
                .jsonPath("$.request_id").isEqualTo("req-7")
                .jsonPath("$.data.strategy_id").isEqualTo("value")
                .jsonPath("$.data.status").isEqualTo("QUEUED")
                .jsonPath("$.data.submitted_at").isEqualTo("2026-12-03T10:15:30.123Z")
                .returnResult();

        JobRequest request = jobs.queued.getFirst();
        assertThat(request.requestId()).isEqualTo("req-7");
        assertThat(request.params()).containsEntry("top_n", 20);
        assertThat((BigDecimal) request.params().get("min_score")).isEqualByComparingTo("60");
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/strategy/" + request.jobId()
                + "/result");
        assertThat(new String(result.getResponseBodyContent())).contains("\"links\":{\"result\":\"/api/strategy/"
                + request.jobId() + "/result\",\"events\":\"/api/strategy/jobs/" + request.jobId() + "/events\","
                + "\"cancel\":\"/api/strategy/jobs/" + request.jobId() + "\"}");
        assertThat(result.getResponseHeaders().containsHeader(StrategyController.REPLAYED)).isFalse();
        assertThat(jobs.states.get(request.jobId()).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.latest).containsEntry("value", request.jobId());
        assertThat(jobs.ttls.get(request.jobId())).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void strategiesListsScreensAndBacktestsWithTheirParameterSchema() {
        client.get().uri("/api/strategies").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.length()").isEqualTo(12)
                .jsonPath("$.data[0].id").isEqualTo("value")
                .jsonPath("$.data[0].kind").isEqualTo("screen")
                .jsonPath("$.data[0].strategy_id").isEqualTo("value")
                .jsonPath("$.data[0].strategy_name").isEqualTo("Value screen")
                .jsonPath("$.data[0].strategy_type").isEqualTo("screen")
                .jsonPath("$.data[0].status").isEqualTo("active")
                .jsonPath("$.data[0].tags[0]").isEqualTo("screen")
                .jsonPath("$.data[0].parameters.top_n").isEqualTo(20)
                .jsonPath("$.data[0].params[0].name").isEqualTo("top_n")
                .jsonPath("$.data[0].params[0].type").isEqualTo("integer")
                .jsonPath("$.data[0].params[0].default").isEqualTo(20)
                .jsonPath("$.data[0].params[0].min").isEqualTo(1)
                .jsonPath("$.data[0].params[0].max").isEqualTo(500)
                .jsonPath("$.data[0].params[0].required").isEqualTo(false)
                .jsonPath("$.data[0].params[1].default").isEqualTo(60)
                .jsonPath("$.data[3].id").isEqualTo("momentum")
                .jsonPath("$.data[3].kind").isEqualTo("screen")
                .jsonPath("$.data[3].tags[1]").isEqualTo("technical")
                .jsonPath("$.data[3].params.length()").isEqualTo(2)
                .jsonPath("$.data[4].id").isEqualTo("low_volatility")
                .jsonPath("$.data[4].parameters.min_score").isEqualTo(60)
                .jsonPath("$.data[5].id").isEqualTo("ma_cross")
                .jsonPath("$.data[5].kind").isEqualTo("backtest")
                .jsonPath("$.data[5].params[?(@.name == 'symbols')].type").isEqualTo("array")
                .jsonPath("$.data[5].params[?(@.name == 'symbols')].format").isEqualTo("symbol")
                .jsonPath("$.data[5].params[?(@.name == 'interval')].enum[2]").isEqualTo("1M")
                .jsonPath("$.data[5].params[?(@.name == 'start_date')].format").isEqualTo("date")
                .jsonPath("$.data[5].params[?(@.name == 'start_date')].default").doesNotExist()
                .jsonPath("$.data[5].parameters.commission").isEqualTo(0.0003)
                .jsonPath("$.data[*].id").value(ids -> assertThat(ids).asInstanceOf(
                        InstanceOfAssertFactories.list(String.class)).containsExactly("value",
                        "growth", "balanced", "momentum", "low_volatility", "ma_cross", "ema_cross", "macd_cross",
                        "rsi_reversion", "bollinger_reversion", "donchian_breakout", "kdj_cross"));
    }

    @Test
    void momentumScreenIsQueuedWithTheDefaultMinimumScore() {
        execute("{\"strategy_id\": \"momentum\", \"params\": {\"top_n\": 10}}", "r")
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.data.strategy_id").isEqualTo("momentum")
                .jsonPath("$.data.params.top_n").isEqualTo(10)
                .jsonPath("$.data.params.min_score").isEqualTo(60);

        assertThat(jobs.queued.getFirst().strategyId()).isEqualTo("momentum");
        assertThat(jobs.queued.getFirst().params()).containsEntry("top_n", 10);
    }

    @Test
    void lowVolatilityScreenRefusesAParameterItDoesNotTake() {
        execute("{\"strategy_id\": \"low_volatility\", \"params\": {\"lookback_days\": 90}}", "r")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("params.lookback_days")
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_PARAMETER");

        assertThat(jobs.queued).isEmpty();
    }

    @Test
    void backtestIsQueuedWithNormalisedParamsAndDefaults() {
        execute("{\"strategy_id\": \"ma_cross\", \"params\": {\"fast\": 10, \"symbols\": \"600519, aapl,600519\","
                + " \"interval\": \"weekly\", \"start_date\": \"2024-01-02\"}}", "r")
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.data.params.fast").isEqualTo(10)
                .jsonPath("$.data.params.slow").isEqualTo(20)
                .jsonPath("$.data.params.symbols[1]").isEqualTo("AAPL")
                .jsonPath("$.data.params.symbols.length()").isEqualTo(2)
                .jsonPath("$.data.params.interval").isEqualTo("1w")
                .jsonPath("$.data.params.start_date").isEqualTo("2024-01-02")
                .jsonPath("$.data.params.end_date").doesNotExist()
                .jsonPath("$.data.params.initial_capital").isEqualTo(1000000);

        assertThat(jobs.queued.getFirst().params()).containsEntry("symbols", List.of("600519", "AAPL"))
                .doesNotContainKey("stamp_tax");
    }

    @Test
    void badBacktestParamsAre400WithAFieldErrorEach() {
        execute("{\"strategy_id\": \"rsi_reversion\", \"params\": {\"symbols\": [\"600519\", \"no way\"], "
                + "\"interval\": \"1m\", \"start_date\": \"2024-13-01\", \"commission\": 0.5, \"period\": 1}}",
                "r")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(5)
                .jsonPath("$.errors[?(@.field == 'params.symbols[1]')].code").isEqualTo("INVALID_SYMBOL")
                .jsonPath("$.errors[?(@.field == 'params.interval')].code").isEqualTo("INVALID_VALUE")
                .jsonPath("$.errors[?(@.field == 'params.start_date')].code").isEqualTo("INVALID_FORMAT")
                .jsonPath("$.errors[?(@.field == 'params.commission')].code").isEqualTo("OUT_OF_RANGE")
                .jsonPath("$.errors[?(@.field == 'params.period')].code").isEqualTo("OUT_OF_RANGE");

        assertThat(jobs.queued).isEmpty();
    }

    @Test
    void missingParamsTakeTheirDefaults() {
        execute("{\"strategy_id\": \"growth\"}", "r").expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.data.params.top_n").isEqualTo(20)
                .jsonPath("$.data.params.min_score").isEqualTo(60);
    }

    @Test
    void executeWithoutCsrfTokenIs403AndQueuesNothing() {
        client.post().uri("/api/strategy/execute").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"strategy_id\": \"value\"}").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("CSRF_TOKEN_MISSING");

        assertThat(jobs.queued).isEmpty();
    }

    @Test
    void unknownStrategyIs400ListingTheValidOnes() {
        execute("{\"strategy_id\": \"quality\"}", "r").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("strategy_id")
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_STRATEGY")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("value, growth, balanced, momentum, low_volatility"));

        assertThat(jobs.queued).isEmpty();
    }

    @Test
    void badParamsAre400WithOneErrorEach() {
        execute("{\"strategy_id\": \"value\", \"params\": {\"top_n\": \"20\", \"min_score\": 101, \"risk\": 1},"
                + " \"extra\": true}", "r")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[0].field").isEqualTo("extra")
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_FIELD")
                .jsonPath("$.errors[1].field").isEqualTo("params.top_n")
                .jsonPath("$.errors[1].code").isEqualTo("INVALID_TYPE")
                .jsonPath("$.errors[2].field").isEqualTo("params.min_score")
                .jsonPath("$.errors[2].code").isEqualTo("OUT_OF_RANGE")
                .jsonPath("$.errors[3].field").isEqualTo("params.risk")
                .jsonPath("$.errors[3].code").isEqualTo("UNKNOWN_PARAMETER");

        assertThat(jobs.queued).isEmpty();
    }

    @Test
    void bodyThatIsNotAnObjectIs400() {
        execute("[1, 2]", "r").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("JSON object"));
    }

    @Test
    void kafkaDownIs503WithRetryAfterAndNothingStored() {
        jobs.kafkaDown = true;

        execute("{\"strategy_id\": \"value\"}", "r").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("nothing was queued"));

        assertThat(jobs.states).isEmpty();
    }

    @Test
    void redisDownAfterKafkaAcceptedStillAnswers202() {
        jobs.redisDown = true;

        execute("{\"strategy_id\": \"value\"}", "r").expectStatus().isAccepted();

        assertThat(jobs.queued).hasSize(1);
    }

    @Test
    void resultByJobIdAnswersTheStoredState() {
        JobState running = new JobState("5f0c3c1e-0000-4000-8000-000000000001", "balanced", JobStatus.RUNNING, 0.5,
                "scoring", clock.instant(), clock.instant(), null, null, 1, "worker-1");
        jobs.states.put(running.jobId(), running);

        client.get().uri("/api/strategy/{id}/result", running.jobId()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.job_id").isEqualTo(running.jobId())
                .jsonPath("$.data.strategy_id").isEqualTo("balanced")
                .jsonPath("$.data.status").isEqualTo("RUNNING")
                .jsonPath("$.data.progress").isEqualTo(0.5)
                .jsonPath("$.data.worker").isEqualTo("worker-1")
                .jsonPath("$.data.attempts").isEqualTo(1);
    }

    @Test
    void resultByStrategyIdAnswersItsLatestJob() {
        JobState done = new JobState("job-2", "growth", JobStatus.QUEUED, 0, "queued", clock.instant(), null,
                null, null, 0, null).succeeded(clock.instant(), Map.of("picks", List.of("600519")));
        jobs.states.put("job-2", done);
        jobs.latest.put("growth", "job-2");

        client.get().uri("/api/strategy/growth/result").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.status").isEqualTo("SUCCEEDED")
                .jsonPath("$.data.result.picks[0]").isEqualTo("600519");
    }

    @Test
    void unknownJobAndStrategyWithoutJobsAre404() {
        client.get().uri("/api/strategy/0b6b2f8e-1111-4000-8000-000000000000/result").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).startsWith("unknown job"));
        client.get().uri("/api/strategy/value/result").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("no jobs yet"));
    }

    @Test
    void malformedIdIs400() {
        client.get().uri("/api/strategy/{id}/result", "not_a*job").exchange().expectStatus().isBadRequest();
    }

    @Test
    void redisDownIs503ForResults() {
        jobs.redisDown = true;

        client.get().uri("/api/strategy/value/result").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");
    }

    @Test
    void resultIs503InsteadOf404WhileTheResultsAreBeingRebuilt() {
        jobs.complete = false;

        client.get().uri("/api/strategy/0b6b2f8e-1111-4000-8000-000000000000/result").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .startsWith("results are being rebuilt from Kafka (strategy.results)"));
        client.get().uri("/api/strategy/value/result").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameAnswerAndQueuesNothing() {
        String body = "{\"strategy_id\": \"value\", \"params\": {\"top_n\": 5}}";
        String first = executeWithKey(body, "order-42").expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();
        clock.advance(Duration.ofSeconds(30));

        var retry = executeWithKey(body, "order-42").expectStatus().isAccepted()
                .expectHeader().valueEquals(StrategyController.REPLAYED, "true")
                .expectHeader().exists(HttpHeaders.LOCATION)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(jobs.queued).hasSize(1);
        assertThat(data(retry)).isEqualTo(data(first));
        assertThat(data(retry)).contains("\"job_id\":\"" + jobs.queued.getFirst().jobId() + "\"",
                "\"submitted_at\":\"2026-12-03T10:15:30.123Z\"", "\"top_n\":5");
        assertThat(jobs.keys.get("order-42").accepted()).isTrue();
        assertThat(jobs.keyTtls.get("order-42")).isEqualTo(Duration.ofDays(7));
        assertThat(jobs.queued.getFirst().idempotency()).isEqualTo(new JobRequest.Idempotency("order-42",
                jobs.keys.get("order-42").fingerprint()));
    }

    @Test
    void aKeyRestoredFromTheJobsTopicIsAnsweredWithTheParametersInTheStrategysOrder() {
        ExecuteRequest request = ExecuteRequest.parse(Json.mapper().readTree("{\"strategy_id\": \"value\"}"),
                StrategyCatalog.standard());
        Map<String, Object> unordered = new LinkedHashMap<>();
        unordered.put("min_score", new BigDecimal("60"));
        unordered.put("top_n", 20);
        jobs.keys.put("k-restored", new IdempotentSubmission("job-restored", "value", unordered, clock.instant(),
                JobSubmitter.fingerprint(request), true));

        String answer = executeWithKey("{\"strategy_id\": \"value\"}", "k-restored").expectStatus().isAccepted()
                .expectHeader().valueEquals(StrategyController.REPLAYED, "true")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(data(answer)).contains("\"job_id\":\"job-restored\"", "\"params\":{\"top_n\":20,\"min_score\":60}");
        assertThat(jobs.queued).isEmpty();
    }

    @Test
    void aNewKeyIs503AndQueuesNothingUntilTheKeysRedisLostAreRestored() {
        executeWithKey("{\"strategy_id\": \"value\"}", "k-held").expectStatus().isAccepted();
        jobs.complete = false;

        executeWithKey("{\"strategy_id\": \"value\"}", "k-new").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .startsWith("Idempotency-Key 'k-new' cannot be checked while the job data Redis lost is "
                                + "restored from Kafka"));
        executeWithKey("{\"strategy_id\": \"value\"}", "k-held").expectStatus().isAccepted()
                .expectHeader().valueEquals(StrategyController.REPLAYED, "true");
        execute("{\"strategy_id\": \"value\"}", "r").expectStatus().isAccepted();

        assertThat(jobs.queued).hasSize(2);
        assertThat(jobs.keys).containsOnlyKeys("k-held");
    }

    @Test
    void theSameKeyWithADifferentRequestIs422() {
        executeWithKey("{\"strategy_id\": \"value\"}", "k-1").expectStatus().isAccepted();

        executeWithKey("{\"strategy_id\": \"value\", \"params\": {\"top_n\": 7}}", "k-1")
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].code").isEqualTo("IDEMPOTENCY_KEY_REUSED")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("was used for a different request"));

        assertThat(jobs.queued).hasSize(1);
    }

    @Test
    void equalRequestsAfterNormalisationShareAKey() {
        executeWithKey("{\"strategy_id\": \"value\"}", "k-2").expectStatus().isAccepted();

        executeWithKey("{\"params\": {\"min_score\": 60, \"top_n\": 20}, \"strategy_id\": \"value\"}", "k-2")
                .expectStatus().isAccepted()
                .expectHeader().valueEquals(StrategyController.REPLAYED, "true");

        assertThat(jobs.queued).hasSize(1);
    }

    @Test
    void aKeyClaimedByAConcurrentRequestGetsThatRequestsJob() {
        executeWithKey("{\"strategy_id\": \"growth\"}", "k-3").expectStatus().isAccepted();
        jobs.keyClaimedConcurrently = true;

        executeWithKey("{\"strategy_id\": \"growth\"}", "k-3").expectStatus().isAccepted()
                .expectHeader().valueEquals(StrategyController.REPLAYED, "true")
                .expectBody().jsonPath("$.data.job_id").isEqualTo(jobs.queued.getFirst().jobId());

        assertThat(jobs.queued).hasSize(1);
    }

    @Test
    void aRetryWhileTheFirstSubmissionIsStillBeingQueuedIs409() {
        ExecuteRequest request = ExecuteRequest.parse(Json.mapper().readTree("{\"strategy_id\": \"value\"}"),
                StrategyCatalog.standard());
        jobs.keys.put("k-4", IdempotentSubmission.pending(new JobRequest("job-in-flight", "value", Map.of(),
                clock.instant(), "r"), request.params(), JobSubmitter.fingerprint(request)));

        executeWithKey("{\"strategy_id\": \"value\"}", "k-4").expectStatus().isEqualTo(409)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("IDEMPOTENCY_KEY_IN_USE");

        assertThat(jobs.queued).isEmpty();
    }

    @Test
    void aKeyWhoseJobKafkaRefusedIsFreedForTheRetry() {
        jobs.kafkaDown = true;
        executeWithKey("{\"strategy_id\": \"value\"}", "k-5").expectStatus().isEqualTo(503);
        assertThat(jobs.keys).isEmpty();
        jobs.kafkaDown = false;

        executeWithKey("{\"strategy_id\": \"value\"}", "k-5").expectStatus().isAccepted()
                .expectHeader().doesNotExist(StrategyController.REPLAYED);

        assertThat(jobs.queued).hasSize(1);
    }

    @Test
    void aKeyWithoutRedisIs503AndQueuesNothing() {
        jobs.redisDown = true;

        executeWithKey("{\"strategy_id\": \"value\"}", "k-6").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .startsWith("Idempotency-Key needs Redis"));

        assertThat(jobs.queued).isEmpty();
    }

    @Test
    void malformedIdempotencyKeysAre400() {
        for (String key : List.of("", "has space", "x".repeat(129), "semi;colon")) {
            executeWithKey("{\"strategy_id\": \"value\"}", key).expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key")
                    .jsonPath("$.errors[0].code").isEqualTo("INVALID_IDEMPOTENCY_KEY");
        }
        executeWithKey("{\"strategy_id\": \"value\"}", "A-z_0.9:~" + "k".repeat(119)).expectStatus().isAccepted();

        assertThat(jobs.queued).hasSize(1);
    }

    @Test
    void aFullQueueIs503WithRetryAfterAndNothingWritten() {
        jobs.depth = 10_000;

        execute("{\"strategy_id\": \"value\"}", "r").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .startsWith("the job queue is full: 10000 jobs are waiting"));
        executeWithKey("{\"strategy_id\": \"value\"}", "k-7").expectStatus().isEqualTo(503);

        assertThat(jobs.queued).isEmpty();
        assertThat(jobs.states).isEmpty();
        assertThat(jobs.keys).isEmpty();
    }

    @Test
    void aQueueBelowItsLimitOrOfUnknownDepthTakesJobs() {
        jobs.depth = 9_999;
        execute("{\"strategy_id\": \"value\"}", "r").expectStatus().isAccepted();
        jobs.depth = -1;
        execute("{\"strategy_id\": \"value\"}", "r").expectStatus().isAccepted();

        assertThat(jobs.queued).hasSize(2);
    }

    @Test
    void aRetryIsAnsweredEvenWhenTheQueueIsFull() {
        executeWithKey("{\"strategy_id\": \"value\"}", "k-8").expectStatus().isAccepted();
        jobs.depth = 50_000;

        executeWithKey("{\"strategy_id\": \"value\"}", "k-8").expectStatus().isAccepted()
                .expectHeader().valueEquals(StrategyController.REPLAYED, "true");

        assertThat(jobs.queued).hasSize(1);
    }

    private WebTestClient.ResponseSpec execute(String body, String requestId) {
        return submit(body, requestId, null);
    }

    private WebTestClient.ResponseSpec executeWithKey(String body, String key) {
        return submit(body, null, key);
    }

    private WebTestClient.ResponseSpec submit(String body, String requestId, String key) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/strategy/execute")
                .header(CsrfTestTokens.HEADER, token)
                .contentType(MediaType.APPLICATION_JSON);
        if (requestId != null) {
            request.header(RequestIds.HEADER, requestId);
        }
        if (key != null) {
            request.header(IdempotencyKey.HEADER, key);
        }
        return request.bodyValue(body).exchange();
    }

    /** The envelope's data, without the request id and timestamp that differ between answers. */
    private static String data(String envelope) {
        return envelope.replaceAll(".*\"data\":(\\{.*}),\"request_id\".*", "$1");
    }
}
