package io.mystocks.api.fastlane;

import io.mystocks.api.metrics.HttpTimers;
import io.mystocks.api.ratelimit.ClientLimits;
import io.mystocks.api.web.EnvelopeWriter;
import io.mystocks.api.web.ReadRequest;
import io.mystocks.api.web.ReadRoutes;
import io.mystocks.api.web.Reply;
import io.mystocks.api.web.RequestIds;
import io.mystocks.api.web.SecurityHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.slf4j.MDC;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Answers the hot GET reads on Reactor Netty itself, ahead of Spring's dispatcher, by calling the controller
 * methods the routes name ({@link ReadRoutes}).
 *
 * <p>Design note. On two cores Spring's per-request machinery (the exchange, the filter chain, handler
 * lookup and argument resolution, the result handler and codec selection, Reactor's operators) cost about
 * 75 us of CPU a request, four to five times what Reactor Netty itself costs, and the reads themselves are
 * map lookups over data encoded once ({@link Reply}). So the fast lane does here, in one pass, what the
 * filters do for these requests: the request id (header, envelope, MDC), the security headers, the per-client
 * rate limit, the request timer, and errors in the envelope. It takes only requests it answers exactly as
 * Spring would, and leaves every other to Spring: other methods, unknown paths, CORS requests (with an
 * {@code Origin}), requests with a body, percent-escapes in the URL (Spring decodes them), and {@code Accept}
 * headers that rule out JSON (Spring answers 406).
 */
final class FastLane implements NettyRouteProvider {
    private static final String JSON = "application/json";
    private static final String GET = "GET";

    private final Supplier<RouteTable> table;
    private final EnvelopeWriter envelopes;
    private final SecurityHeaders securityHeaders;
    private final ClientLimits limits;
    private final HttpTimers timers;

    /**
     * @param table  the routes, or null until they are known (until then Spring answers everything)
     * @param limits the rate limit, or null when it is off
     */
    FastLane(Supplier<RouteTable> table, EnvelopeWriter envelopes, SecurityHeaders securityHeaders,
             ClientLimits limits, HttpTimers timers) {
        this.table = table;
        this.envelopes = envelopes;
        this.securityHeaders = securityHeaders;
        this.limits = limits;
        this.timers = timers;
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(this::accepts, this::serve);
    }

    /** Whether the fast lane answers this request; otherwise Spring does. */
    boolean accepts(HttpServerRequest request) {
        if (!HttpMethod.GET.equals(request.method())) {
            return false;
        }
        HttpHeaders headers = request.requestHeaders();
        if (headers.contains(HttpHeaderNames.ORIGIN) || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                || !acceptsJson(headers.get(HttpHeaderNames.ACCEPT))) {
            return false;
        }
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && !length.equals("0")) {
            return false;
        }
        String uri = request.uri();
        if (uri.isEmpty() || uri.charAt(0) != '/' || uri.indexOf('%') >= 0 || uri.indexOf(';') >= 0) {
            return false;
        }
        RouteTable routes = table.get();
        return routes != null && routes.match(path(uri)) != null;
    }

    Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
        long start = timers.start();
        HttpHeaders headers = request.requestHeaders();
        String requestId = RequestIds.resolve(headers.get(RequestIds.HEADER));
        String uri = request.uri();
        String path = path(uri);
        RouteTable.Match match = table.get().match(path);
        String route = match.route().template();
        MDC.put(RequestIds.KEY, requestId);
        try {
            if (limits != null) {
                ClientLimits.Rejection rejected = limits.admit(path, request.remoteAddress(),
                        headers.get(ClientLimits.FORWARDED_FOR));
                if (rejected != null) {
                    return send(response, failed(rejected.error(), rejected.headers(), requestId, path), route,
                            start, requestId);
                }
            }
            ReadRequest read = match.request(query(uri));
            if (match.route().immediate()) {
                return send(response, answered(match.route().answerNow(read), requestId), route, start, requestId);
            }
            return Mono.defer(() -> match.route().answerLater(read))
                    .<Outgoing>map(reply -> answered(reply, requestId))
                    .onErrorResume(error -> Mono.just(failed(error, List.of(), requestId, path)))
                    .switchIfEmpty(Mono.fromSupplier(() -> failed(new IllegalStateException(route
                            + " answered nothing"), List.of(), requestId, path)))
                    .flatMap(out -> Mono.from(send(response, out, route, start, requestId)));
        } catch (RuntimeException error) {
            return send(response, failed(error, List.of(), requestId, path), route, start, requestId);
        } finally {
            MDC.remove(RequestIds.KEY);
        }
    }

    private Outgoing answered(Reply<?> reply, String requestId) {
        List<String> extra = new ArrayList<>(0);
        reply.forEachHeader((name, value) -> {
            extra.add(name);
            extra.add(value);
        });
        EnvelopeWriter.Parts parts = envelopes.parts(reply, requestId);
        // The data goes out as it is kept, without a copy: a strategy list or a k-line is several kilobytes.
        return new Outgoing(reply.status().value(), extra,
                Unpooled.wrappedBuffer(parts.opening(), parts.data(), parts.tail()));
    }

    private Outgoing failed(Throwable error, List<String> headers, String requestId, String path) {
        EnvelopeWriter.Failure failure = envelopes.failure(error, requestId, GET, path);
        List<String> all = new ArrayList<>(headers);
        all.addAll(failure.headers());
        return new Outgoing(failure.status(), all, Unpooled.wrappedBuffer(failure.body()));
    }

    private Publisher<Void> send(HttpServerResponse response, Outgoing out, String route, long start,
                                 String requestId) {
        response.status(out.status());
        HttpHeaders headers = response.responseHeaders();
        headers.set(HttpHeaderNames.CONTENT_TYPE, JSON);
        headers.set(HttpHeaderNames.CONTENT_LENGTH, out.body().readableBytes());
        headers.set(RequestIds.HEADER, requestId);
        securityHeaders.forEach(headers::set);
        for (int i = 0; i < out.headers().size(); i += 2) {
            headers.set(out.headers().get(i), out.headers().get(i + 1));
        }
        timers.record(GET, route, out.status(), start);
        return response.sendObject(out.body());
    }

    /**
     * Whether an {@code Accept} header admits JSON. A header that does not (text/plain alone) is left to Spring,
     * which answers 406.
     */
    static boolean acceptsJson(String accept) {
        return accept == null || accept.isBlank() || accept.contains("*/*") || accept.contains("application/json")
                || accept.contains("application/*");
    }

    private static String path(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private static String query(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? null : uri.substring(query + 1);
    }

    /** What goes back: status, extra headers (names and values alternating) and the envelope. */
    private record Outgoing(int status, List<String> headers, ByteBuf body) {
    }
}
