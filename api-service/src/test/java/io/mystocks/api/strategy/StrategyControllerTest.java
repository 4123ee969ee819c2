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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(controllers = StrategyController.class,
        properties = "mystocks.csrf.secret=" + StrategyControllerTest.SECRET)
@Import({WebConfiguration.class, TestClockConfig.class, StrategyControllerTest.Config.class})
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
        assertThat(new String(result.getResponseBodyContent())).contains("\"result\":\"/api/strategy/"
                + request.jobId() + "/result\"");
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
                .jsonPath("$.data.length()").isEqualTo(10)
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
                .jsonPath("$.data[3].id").isEqualTo("ma_cross")
                .jsonPath("$.data[3].kind").isEqualTo("backtest")
                .jsonPath("$.data[3].params[?(@.name == 'symbols')].type").isEqualTo("array")
                .jsonPath("$.data[3].params[?(@.name == 'symbols')].format").isEqualTo("symbol")
                .jsonPath("$.data[3].params[?(@.name == 'interval')].enum[2]").isEqualTo("1M")
                .jsonPath("$.data[3].params[?(@.name == 'start_date')].format").isEqualTo("date")
                .jsonPath("$.data[3].params[?(@.name == 'start_date')].default").doesNotExist()
                .jsonPath("$.data[3].parameters.commission").isEqualTo(0.0003)
                .jsonPath("$.data[*].id").value(ids -> assertThat(ids).asInstanceOf(
                        InstanceOfAssertFactories.list(String.class)).containsExactly("value",
                        "growth", "balanced", "ma_cross", "ema_cross", "macd_cross", "rsi_reversion",
                        "bollinger_reversion", "donchian_breakout", "kdj_cross"));
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
        execute("{\"strategy_id\": \"momentum\"}", "r").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("strategy_id")
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_STRATEGY")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("value, growth, balanced"));

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

    private WebTestClient.ResponseSpec execute(String body, String requestId) {
        return client.post().uri("/api/strategy/execute")
                .header(CsrfTestTokens.HEADER, token)
                .header(RequestIds.HEADER, requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JobProperties.class)
    static class Config {
        @Bean
        InMemoryJobs inMemoryJobs() {
            return new InMemoryJobs();
        }

        @Bean
        StrategyCatalog strategyCatalog() {
            return StrategyCatalog.standard();
        }

        @Bean
        JobService jobService(InMemoryJobs jobs, StrategyCatalog catalog, MutableClock clock,
                              JobProperties properties) {
            return new JobService(jobs, jobs, catalog, clock, properties.retention());
        }
    }
}
