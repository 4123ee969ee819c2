package io.mystocks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.load.LoadTest;
import io.mystocks.load.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton end to end, as a user meets it: {@code up} on an empty data directory, live
 * quotes through Kafka and the Streams app into the API, a screen job through the worker pool, clear
 * errors for bad requests, and a stop that leaves no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackSystemIT {
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration QUOTES = Duration.ofMinutes(3);
    /** The API's default most symbols per batch-realtime request. */
    private static final int BATCH = 50;

    private static RunningStack stack;
    private static Http http;

    @BeforeAll
    static void startStack() throws IOException {
        Path root = Path.of(System.getProperty("mystocks.root", "..")).toAbsolutePath().normalize();
        // Under target/, so that the services' logs stay for a look after a failed run.
        Path dataDir = root.resolve("system-tests/target/system-test-stack");
        stack = RunningStack.start(root, dataDir, List.of("--rate", "200", "--fresh"));
        http = new Http(stack.baseUrl());

        try {
            await("a healthy /health").atMost(STARTUP).pollInterval(Duration.ofSeconds(1))
                    .failFast("the launcher exited", () -> !stack.launcher().isAlive())
                    .until(() -> "healthy".equals(http.get("/health").data().path("status").asString()));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("the stack did not become healthy (" + e.getMessage() + "); launcher output:"
                    + System.lineSeparator() + stack.output(), e);
        }
    }

    @AfterAll
    static void closeStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void healthNamesEveryDependency() {
        Http.Reply health = http.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("success").asBoolean()).isTrue();
        assertThat(health.body().path("request_id").asString()).isEqualTo("system-test");
        assertThat(health.data().path("dependencies").path("kafka").path("status").asString()).isEqualTo("up");
        assertThat(health.data().path("dependencies").path("redis").path("status").asString()).isEqualTo("up");
        assertThat(health.data().path("dependencies").path("stores").path("status").asString()).isEqualTo("up");
    }

    @Test
    @Order(2)
    void realtimeQuotesChangeFromOneCallToTheNext() {
        AtomicReference<JsonNode> first = new AtomicReference<>();
        await("a first quote of 600519").atMost(Duration.ofSeconds(60)).until(() -> {
            Http.Reply reply = http.get("/api/data/realtime/600519");
            first.set(reply.data());
            return reply.status() == 200;
        });

        await("a newer quote of 600519").atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode next = http.get("/api/data/realtime/600519").data();
            return !next.path("timestamp").asString().equals(first.get().path("timestamp").asString());
        });

        assertThat(first.get().path("symbol").asString()).isEqualTo("600519");
        assertThat(first.get().path("price").asDouble()).isPositive();
        assertThat(first.get().path("name").asString()).isNotBlank();
    }

    @Test
    @Order(3)
    void klineServesMinuteBarsBuiltByTheStreamsApp() {
        await("1m bars of 000001").atMost(Duration.ofSeconds(60)).until(() ->
                http.get("/api/data/kline/000001?interval=1m&limit=10").data().path("count").asInt() > 0);

        JsonNode bar = http.get("/api/data/kline/000001?interval=1m&limit=10").data().path("bars").get(0);

        assertThat(bar.path("high").asDouble()).isGreaterThanOrEqualTo(bar.path("low").asDouble());
        assertThat(bar.path("volume").asLong()).isPositive();
    }

    @Test
    @Order(4)
    void aValueScreenJobRunsOnTheWorkerAndItsResultIsReadable() {
        String token = http.get("/api/csrf-token").data().path("csrf_token").asString();

        Http.Reply accepted = http.post("/api/strategy/execute",
                "{\"strategy_id\": \"value\", \"params\": {\"top_n\": 20, \"min_score\": 60}}", token);

        assertThat(accepted.status()).isEqualTo(202);
        String jobId = accepted.data().path("job_id").asString();
        await("the job to succeed").atMost(Duration.ofSeconds(90)).until(() ->
                "SUCCEEDED".equals(http.get("/api/strategy/" + jobId + "/result").data().path("status").asString()));
        JsonNode result = http.get("/api/strategy/value/result").data();
        assertThat(result.path("job_id").asString()).isEqualTo(jobId);
        assertThat(result.path("result").path("items").size()).isBetween(1, 20);
        assertThat(result.path("result").path("items").get(0).path("score").asDouble()).isGreaterThanOrEqualTo(60);
    }

    @Test
    @Order(5)
    void badRequestsGetAClearClientErrorInTheEnvelope() {
        Http.Reply noToken = http.post("/api/strategy/execute", "{\"strategy_id\": \"value\"}", null);
        Http.Reply badSymbol = http.get("/api/data/realtime/not-a-symbol!");
        Http.Reply badInterval = http.get("/api/data/kline/600519?interval=7m");
        Http.Reply unknownRoute = http.get("/api/nothing-here");
        Http.Reply unknownJob = http.get("/api/strategy/no-such-job/result");

        assertThat(List.of(noToken.status(), badSymbol.status(), badInterval.status(), unknownRoute.status(),
                unknownJob.status())).containsExactly(403, 400, 400, 404, 404);
        for (Http.Reply reply : List.of(noToken, badSymbol, badInterval, unknownRoute, unknownJob)) {
            assertThat(reply.body().path("success").asBoolean()).isFalse();
            assertThat(reply.body().path("code").asInt()).isEqualTo(reply.status());
            assertThat(reply.body().path("message").asString()).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    @Order(6)
    void everyLoadTestScenarioPassesAtATinyRate(Scenario scenario) throws IOException {
        Path results = Path.of("target", "load-smoke");
        awaitAQuoteOfEverySymbolTheLoadTestAsksFor();

        LoadTest.Result result = LoadTest.smoke(scenario, URI.create(stack.baseUrl()), results);

        assertThat(result.exitCode()).as("Gatling's exit code; report in %s", result.runDirectory()).isZero();
        assertThat(result.requests()).isPositive();
        assertThat(result.failures()).as("failed requests; see %s", result.runDirectory().resolve("summary.md"))
                .isZero();
    }

    /**
     * The scenarios ask for any symbol of the universe and check every answer for success, and a symbol that
     * has not traded yet is a 404. At 200 quotes/s every symbol trades within seconds of the start, but on a
     * busy machine the Streams application may still be working through the backfill then.
     */
    private static void awaitAQuoteOfEverySymbolTheLoadTestAsksFor() throws IOException {
        List<String> symbols = loadTestSymbols();
        AtomicReference<List<String>> missing = new AtomicReference<>(symbols);
        try {
            await("a quote of every symbol").atMost(QUOTES).pollInterval(Duration.ofSeconds(1)).until(() -> {
                List<String> without = new ArrayList<>();
                for (int from = 0; from < symbols.size(); from += BATCH) {
                    List<String> batch = symbols.subList(from, Math.min(symbols.size(), from + BATCH));
                    JsonNode unknown = http.get("/api/data/batch-realtime?symbols=" + String.join(",", batch))
                            .data().path("unknown");
                    unknown.forEach(symbol -> without.add(symbol.asString()));
                }
                missing.set(without);
                return without.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no quote within " + QUOTES + " for " + missing.get() + "; launcher output:"
                    + System.lineSeparator() + stack.output(), e);
        }
    }

    private static List<String> loadTestSymbols() throws IOException {
        try (InputStream in = LoadTest.class.getResourceAsStream("symbols.csv")) {
            assertThat(in).as("the load test's symbols.csv").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.equals("symbol")).toList();
        }
    }

    @Test
    @Order(7)
    void stoppingTheLauncherLeavesNoProcessBehind() throws InterruptedException {
        List<ProcessHandle> started = stack.descendants();

        int exit = stack.stop(Duration.ofSeconds(60));

        assertThat(started).hasSizeGreaterThanOrEqualTo(5);
        assertThat(exit).as("launcher exit status; output:%n%s", stack.output()).isIn(0, 130, 143);
        await("every child to be gone").atMost(Duration.ofSeconds(30))
                .until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
    }
}
