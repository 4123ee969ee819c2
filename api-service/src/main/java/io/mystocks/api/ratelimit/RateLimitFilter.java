package io.mystocks.api.ratelimit;

import io.mystocks.api.web.FilterOrders;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 429 in the envelope to a client over its rate ({@link ClientLimits}), with {@code Retry-After} and
 * the {@code X-RateLimit-*} headers.
 */
final class RateLimitFilter implements WebFilter, Ordered {
    private final ClientLimits limits;

    RateLimitFilter(ClientLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        ClientLimits.Rejection rejection = limits.admit(request.getPath().value(), request.getRemoteAddress(),
                request.getHeaders().getFirst(ClientLimits.FORWARDED_FOR));
        if (rejection == null) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        for (int i = 0; i < rejection.headers().size(); i += 2) {
            headers.set(rejection.headers().get(i), rejection.headers().get(i + 1));
        }
        return Mono.error(rejection.error());
    }

    @Override
    public int getOrder() {
        return FilterOrders.RATE_LIMIT;
    }
}
