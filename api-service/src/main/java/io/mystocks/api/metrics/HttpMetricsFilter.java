package io.mystocks.api.metrics;

import io.mystocks.api.web.FilterOrders;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Times every request Spring answers in {@link HttpTimers}. The time is taken when the response is committed,
 * which the error handler's answers reach too; for a stream that is when it starts.
 */
final class HttpMetricsFilter implements WebFilter, Ordered {
    /** The static resources' pattern: a 404 under it is a path that matched nothing. */
    private static final String CATCH_ALL = "/**";

    private final HttpTimers timers;

    HttpMetricsFilter(HttpTimers timers) {
        this.timers = timers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = timers.start();
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            record(exchange, start);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return FilterOrders.HTTP_METRICS;
    }

    private void record(ServerWebExchange exchange, long start) {
        HttpStatusCode code = exchange.getResponse().getStatusCode();
        int status = code == null ? 200 : code.value();
        timers.record(exchange.getRequest().getMethod().name(), route(exchange, status), status, start);
    }

    private static String route(ServerWebExchange exchange, int status) {
        PathPattern pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern != null && !(status == 404 && CATCH_ALL.equals(pattern.getPatternString()))) {
            return pattern.getPatternString();
        }
        if (status == 404) {
            return "NOT_FOUND";
        }
        return status >= 300 && status < 400 ? "REDIRECTION" : "UNKNOWN";
    }
}
