package io.mystocks.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mystocks.api.MutableClock;
import io.mystocks.api.web.ApiException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Who counts as a client, with one request allowed per client. */
class RateLimitFilterTest {
    private static final WebFilterChain PASS = exchange -> Mono.empty();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T02:00:00Z"));

    @Test
    void withoutTrustedProxiesTheRemoteAddressIsTheClientWhateverForwardedForSays() {
        RateLimitFilter filter = filter(false);

        boolean first = passes(filter, "203.0.113.7", "198.51.100.1");
        boolean second = passes(filter, "203.0.113.7", "198.51.100.2");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void withTrustedProxiesTheFirstForwardedForHopIsTheClient() {
        RateLimitFilter filter = filter(true);

        boolean first = passes(filter, "10.0.0.1", "198.51.100.1, 10.0.0.1");
        boolean otherClientSameProxy = passes(filter, "10.0.0.1", "198.51.100.2, 10.0.0.1");
        boolean firstAgain = passes(filter, "10.0.0.1", "198.51.100.1");

        assertThat(first).isTrue();
        assertThat(otherClientSameProxy).isTrue();
        assertThat(firstAgain).isFalse();
    }

    @Test
    void healthMetricsAndActuatorAreNeverLimited() {
        RateLimitFilter filter = filter(false);
        passes(filter, "203.0.113.7", null);

        for (String path : new String[] {"/health", "/metrics", "/actuator/health"}) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path)
                    .remoteAddress(new InetSocketAddress("203.0.113.7", 40000)));

            Throwable error = filter.filter(exchange, PASS).materialize().block(Duration.ofSeconds(1)).getThrowable();

            assertThat(error).as(path).isNull();
        }
    }

    @Test
    void rejectionIs429WithRetryAfterAndRateLimitHeaders() {
        RateLimitFilter filter = filter(false);
        passes(filter, "203.0.113.7", null);
        MockServerWebExchange exchange = exchange("203.0.113.7", null);

        ApiException rejection = (ApiException) filter.filter(exchange, PASS).materialize()
                .block(Duration.ofSeconds(1)).getThrowable();

        assertThat(rejection.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(rejection.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(rejection.violations().getFirst().code()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(exchange.getResponse().getHeaders().getFirst(ClientLimits.LIMIT)).isEqualTo("1");
        assertThat(exchange.getResponse().getHeaders().getFirst(ClientLimits.REMAINING)).isEqualTo("0");
        assertThat(exchange.getResponse().getHeaders().getFirst(ClientLimits.RESET)).isEqualTo("1");
    }

    private RateLimitFilter filter(boolean trustForwardedFor) {
        RateLimitProperties properties = new RateLimitProperties(true, 1, 1, trustForwardedFor, 1000,
                Duration.ofMinutes(5));
        TokenBuckets buckets = new TokenBuckets(1, 1, 1000, Duration.ofMinutes(5), clock);
        Counter rejected = Counter.builder("rejected").register(new SimpleMeterRegistry());
        return new RateLimitFilter(new ClientLimits(buckets, properties, rejected));
    }

    private static boolean passes(RateLimitFilter filter, String remote, String forwardedFor) {
        Throwable error = filter.filter(exchange(remote, forwardedFor), PASS).materialize()
                .block(Duration.ofSeconds(1)).getThrowable();
        return error == null;
    }

    private static MockServerWebExchange exchange(String remote, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/data/realtime/600519")
                .remoteAddress(new InetSocketAddress(remote, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }
}
