package io.mystocks.api.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.api.web.FilterOrders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 429 in the envelope to a client over its rate, with {@code Retry-After} and the
 * {@code X-RateLimit-*} headers. Health, actuator and metrics requests are never limited: probes and
 * scrapers must get through a flood. An allowed request costs a map lookup and a compare-and-set.
 */
final class RateLimitFilter implements WebFilter, Ordered {
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int MAX_CLIENT_LENGTH = 64;
    private static final String UNKNOWN_CLIENT = "unknown";

    private final TokenBuckets buckets;
    private final boolean trustForwardedFor;
    private final String limit;
    private final String rate;
    private final Counter rejected;

    RateLimitFilter(TokenBuckets buckets, RateLimitProperties properties, Counter rejected) {
        this.buckets = buckets;
        this.trustForwardedFor = properties.trustForwardedFor();
        this.limit = Integer.toString(properties.burst());
        this.rate = properties.requestsPerSecond() + " requests/s with bursts of " + properties.burst();
        this.rejected = rejected;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (isExempt(request.getPath().value())) {
            return chain.filter(exchange);
        }
        Object client = client(request);
        long waitNanos = buckets.tryAcquire(client);
        if (waitNanos == 0) {
            return chain.filter(exchange);
        }
        rejected.increment();
        return Mono.error(reject(exchange, client, waitNanos));
    }

    @Override
    public int getOrder() {
        return FilterOrders.RATE_LIMIT;
    }

    private ApiException reject(ServerWebExchange exchange, Object client, long waitNanos) {
        Duration retryAfter = Duration.ofNanos(waitNanos);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(LIMIT, limit);
        headers.set(REMAINING, "0");
        headers.set(RESET, Long.toString(seconds(buckets.untilFull(client))));
        return ApiException.tooManyRequests(new FieldViolation("client", "RATE_LIMIT_EXCEEDED", "too many requests: "
                + "this replica allows each client " + rate + "; retry after " + seconds(waitNanos) + " s"),
                retryAfter);
    }

    /** The remote address, or the first X-Forwarded-For hop when proxies are trusted. */
    private Object client(ServerHttpRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeaders().getFirst(FORWARDED_FOR);
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
                return first.length() > MAX_CLIENT_LENGTH ? first.substring(0, MAX_CLIENT_LENGTH) : first;
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        return address == null ? UNKNOWN_CLIENT : address;
    }

    private static boolean isExempt(String path) {
        return path.equals("/health") || path.equals("/metrics") || path.startsWith("/actuator/");
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }
}
