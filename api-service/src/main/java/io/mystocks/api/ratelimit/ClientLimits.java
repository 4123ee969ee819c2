package io.mystocks.api.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.FieldViolation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether a client is within its rate, for every path that answers requests (Spring's filter and the
 * fast lane). The client is the remote address, or the first {@code X-Forwarded-For} hop when proxies are
 * trusted. Health, actuator and metrics requests are never limited: probes and scrapers must get through a
 * flood. An allowed request costs a map lookup and a compare-and-set.
 */
public final class ClientLimits {
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    /** The header naming the client behind a proxy. */
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int MAX_CLIENT_LENGTH = 64;
    private static final String UNKNOWN_CLIENT = "unknown";

    private final TokenBuckets buckets;
    private final boolean trustForwardedFor;
    private final String limit;
    private final String rate;
    private final Counter rejected;

    ClientLimits(TokenBuckets buckets, RateLimitProperties properties, Counter rejected) {
        this.buckets = buckets;
        this.trustForwardedFor = properties.trustForwardedFor();
        this.limit = Integer.toString(properties.burst());
        this.rate = properties.requestsPerSecond() + " requests/s with bursts of " + properties.burst();
        this.rejected = rejected;
    }

    /**
     * Takes a token for the request's client.
     *
     * @param forwardedFor the request's {@code X-Forwarded-For} header, or null
     * @return null when the request may go ahead, otherwise the 429 to answer
     */
    public Rejection admit(String path, InetSocketAddress remote, String forwardedFor) {
        if (isExempt(path)) {
            return null;
        }
        Object client = client(remote, forwardedFor);
        long waitNanos = buckets.tryAcquire(client);
        if (waitNanos == 0) {
            return null;
        }
        rejected.increment();
        List<String> headers = List.of(LIMIT, limit, REMAINING, "0", RESET, Long.toString(seconds(
                buckets.untilFull(client))));
        return new Rejection(ApiException.tooManyRequests(new FieldViolation("client", "RATE_LIMIT_EXCEEDED",
                "too many requests: this replica allows each client " + rate + "; retry after " + seconds(waitNanos)
                        + " s"), Duration.ofNanos(waitNanos)), headers);
    }

    private Object client(InetSocketAddress remote, String forwarded) {
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            return first.length() > MAX_CLIENT_LENGTH ? first.substring(0, MAX_CLIENT_LENGTH) : first;
        }
        InetAddress address = remote == null ? null : remote.getAddress();
        return address == null ? UNKNOWN_CLIENT : address;
    }

    private static boolean isExempt(String path) {
        return path.equals("/health") || path.equals("/metrics") || path.startsWith("/actuator/");
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /**
     * A request over its client's rate.
     *
     * @param error   the 429, with its {@code Retry-After}
     * @param headers the {@code X-RateLimit-*} headers to send with it, names and values alternating
     */
    public record Rejection(ApiException error, List<String> headers) {
    }
}
