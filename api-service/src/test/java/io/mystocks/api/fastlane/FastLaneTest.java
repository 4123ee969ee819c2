package io.mystocks.api.fastlane;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mystocks.api.MutableClock;
import io.mystocks.api.metrics.TestTimers;
import io.mystocks.api.ratelimit.ClientLimits;
import io.mystocks.api.ratelimit.TestClientLimits;
import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.ReadRoute;
import io.mystocks.api.web.Replies;
import io.mystocks.api.web.TestWeb;
import io.mystocks.contracts.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * The fast lane on a real Reactor Netty server, with a stand-in for Spring behind it that answers 299: what
 * the lane takes it answers in the envelope with the headers Spring's filters would set; what it cannot answer
 * exactly as Spring would, it leaves to Spring.
 */
class FastLaneTest {
    private static final int SPRING = 299;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T02:00:00.123Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Replies replies = TestWeb.replies();
    private final HttpClient http = HttpClient.newHttpClient();
    private DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
    }

    @Test
    void answersARouteInTheEnvelopeWithTheRequestIdAndSecurityHeaders() throws Exception {
        start(null, ReadRoute.of("/api/things/{id}", request -> replies.ok(Map.of("id", request.path("id")))));

        HttpResponse<String> response = get("/api/things/42");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("code").asInt()).isZero();
        assertThat(body.get("message").asString()).isEqualTo("操作成功");
        assertThat(body.at("/data/id").asString()).isEqualTo("42");
        assertThat(body.get("timestamp").asString()).isEqualTo("2026-12-03T02:00:00.123Z");
        assertThat(body.get("request_id").asString()).isEqualTo(header(response, "X-Request-ID"))
                .matches("[0-9a-f-]{36}");
        assertThat(response.body()).startsWith("{\"success\":true,");
        assertThat(header(response, "Content-Type")).isEqualTo("application/json");
        assertThat(header(response, "Content-Security-Policy")).isEqualTo(TestWeb.CONTENT_SECURITY_POLICY);
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void echoesAWellFormedRequestIdAndReplacesAMalformedOne() throws Exception {
        start(null, ReadRoute.of("/ping", request -> replies.ok("pong")));

        HttpResponse<String> echoed = send(request("/ping").header("X-Request-ID", "client-7.a_b"));
        HttpResponse<String> replaced = send(request("/ping").header("X-Request-ID", "not ok!"));

        assertThat(header(echoed, "X-Request-ID")).isEqualTo("client-7.a_b");
        assertThat(echoed.body()).contains("\"request_id\":\"client-7.a_b\"");
        assertThat(header(replaced, "X-Request-ID")).isNotEqualTo("not ok!").matches("[0-9a-f-]{36}");
    }

    @Test
    void leavesToSpringWhatItCannotAnswerExactlyAsSpringWould() throws Exception {
        start(null, ReadRoute.of("/api/things/{id}", request -> replies.ok("thing")));

        assertThat(get("/api/things/42").statusCode()).isEqualTo(200);
        assertThat(List.of(
                get("/api/nothing").statusCode(),
                get("/api/things/42/").statusCode(),
                get("/api/things/4%32").statusCode(),
                get("/api/things/42;x=1").statusCode(),
                get("/api/things/42?q=%20").statusCode(),
                send(request("/api/things/42").header("Origin", "http://localhost:3000")).statusCode(),
                send(request("/api/things/42").header("Accept", "text/plain")).statusCode(),
                send(request("/api/things/42").method("DELETE", HttpRequest.BodyPublishers.noBody())).statusCode(),
                send(request("/api/things/42").method("GET", HttpRequest.BodyPublishers.ofString("{}")))
                        .statusCode()))
                .containsOnly(SPRING);
        assertThat(send(request("/api/things/42").header("Accept", "text/html,*/*;q=0.8")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aLiteralSegmentBeatsAVariable() throws Exception {
        start(null, ReadRoute.of("/api/x/{symbol}/{name}", request -> replies.ok("named " + request.path("name"))),
                ReadRoute.of("/api/x/{symbol}/all", request -> replies.ok("all of " + request.path("symbol"))));

        assertThat(data(get("/api/x/600519/all")).asString()).isEqualTo("all of 600519");
        assertThat(data(get("/api/x/600519/RSI")).asString()).isEqualTo("named RSI");
    }

    @Test
    void readsQueryParametersAsSpringReadsThem() throws Exception {
        start(null, ReadRoute.of("/q", request -> replies.ok(Map.of(
                "repeated", String.valueOf(request.query("a")),
                "spaced", String.valueOf(request.query("b")),
                "bare", String.valueOf(request.query("c")),
                "empty", String.valueOf(request.query("d")),
                "absent", String.valueOf(request.query("e"))))));

        JsonNode data = data(get("/q?a=1&a=2&b=x+y&c&d="));

        assertThat(data.get("repeated").asString()).isEqualTo("1,2");
        assertThat(data.get("spaced").asString()).isEqualTo("x y");
        assertThat(data.get("bare").asString()).isEqualTo("null");
        assertThat(data.get("empty").asString()).isEmpty();
        assertThat(data.get("absent").asString()).isEqualTo("null");
    }

    @Test
    void aRefusalIsTheErrorEnvelopeWithItsRetryAfter() throws Exception {
        start(null, ReadRoute.of("/loading", request -> {
            throw ApiException.unavailable("still loading; retry in a second", Duration.ofSeconds(1));
        }));

        HttpResponse<String> response = get("/loading");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(header(response, "Retry-After")).isEqualTo("1");
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("code").asInt()).isEqualTo(503);
        assertThat(body.get("message").asString()).isEqualTo("still loading; retry in a second");
        assertThat(body.get("request_id").asString()).isEqualTo(header(response, "X-Request-ID"));
    }

    @Test
    void anUnforeseenFailureIs500RevealingNothing() throws Exception {
        start(null, ReadRoute.of("/broken", request -> {
            throw new IllegalStateException("secret detail");
        }), ReadRoute.deferred("/broken-later", request -> Mono.error(new IllegalStateException("secret detail"))));

        for (String path : List.of("/broken", "/broken-later")) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(500);
            assertThat(response.body()).as(path).doesNotContain("secret").contains("quote the request id");
        }
    }

    @Test
    void aDeferredAnswerIsWrittenWhenItComes() throws Exception {
        start(null, ReadRoute.deferred("/later", request -> Mono.delay(Duration.ofMillis(20))
                .map(tick -> replies.ok("late"))));

        HttpResponse<String> response = get("/later");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(data(response).asString()).isEqualTo("late");
    }

    @Test
    void aFailureWithDataKeepsItsStatusAndData() throws Exception {
        start(null, ReadRoute.of("/health", request -> replies.failure(HttpStatus.SERVICE_UNAVAILABLE,
                "service degraded: redis down", Map.of("status", "degraded"))));

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("message").asString()).isEqualTo("service degraded: redis down");
        assertThat(body.at("/data/status").asString()).isEqualTo("degraded");
    }

    @Test
    void aClientOverItsRateGets429WithTheRateLimitHeaders() throws Exception {
        start(TestClientLimits.of(1, 2, clock), ReadRoute.of("/ping", request -> replies.ok("pong")),
                ReadRoute.of("/health", request -> replies.ok("up")));

        List<Integer> statuses = List.of(get("/ping").statusCode(), get("/ping").statusCode(),
                get("/ping").statusCode());
        HttpResponse<String> limited = get("/ping");

        assertThat(statuses).containsExactly(200, 200, 429);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(header(limited, "Retry-After")).isEqualTo("1");
        assertThat(header(limited, "X-RateLimit-Limit")).isEqualTo("2");
        assertThat(header(limited, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.body()).contains("RATE_LIMIT_EXCEEDED");
        assertThat(get("/health").statusCode()).as("probes are never limited").isEqualTo(200);
    }

    @Test
    void everyAnswerIsTimedUnderItsRouteTemplate() throws Exception {
        start(null, ReadRoute.of("/api/things/{id}", request -> replies.ok("thing")));

        get("/api/things/1");
        get("/api/things/2");

        assertThat(registry.get("http.server.requests").tag("uri", "/api/things/{id}").tag("status", "200")
                .tag("method", "GET").tag("outcome", "SUCCESS").timer().count()).isEqualTo(2);
    }

    private void start(ClientLimits limits, ReadRoute... routes) {
        RouteTable table = new RouteTable(List.of(routes));
        FastLane lane = new FastLane(() -> table, TestWeb.envelopeWriter(clock), TestWeb.securityHeaders(), limits,
                TestTimers.of(registry));
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(serverRoutes -> lane.apply(serverRoutes).route(request -> true,
                        (request, response) -> response.status(SPRING).sendString(Mono.just("spring"))))
                .bindNow();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(request(path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode data(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body()).get("data");
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
