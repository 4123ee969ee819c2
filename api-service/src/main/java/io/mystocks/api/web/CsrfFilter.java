package io.mystocks.api.web;

import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets a state-changing request under {@code /api/} through only with a valid {@code X-CSRF-Token}.
 * It runs before the body is read or any handler runs, so a rejected request changes nothing.
 */
final class CsrfFilter implements WebFilter, Ordered {
    static final String HEADER = "X-CSRF-Token";
    static final int ORDER = FilterOrders.CSRF;

    private static final Set<HttpMethod> PROTECTED =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final String HOW_TO = "GET /api/csrf-token and send its data.csrf_token in the "
            + HEADER + " header";

    private final CsrfTokens tokens;

    CsrfFilter(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!PROTECTED.contains(request.getMethod()) || !request.getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return switch (tokens.verify(request.getHeaders().getFirst(HEADER))) {
            case VALID -> chain.filter(exchange);
            case MISSING -> reject("CSRF_TOKEN_MISSING", "missing " + HEADER + " header: " + HOW_TO);
            case EXPIRED -> reject("CSRF_TOKEN_INVALID", "expired CSRF token: " + HOW_TO + " to get a new one");
            case INVALID -> reject("CSRF_TOKEN_INVALID", "invalid CSRF token (not issued by this service): "
                    + HOW_TO);
        };
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static Mono<Void> reject(String code, String message) {
        return Mono.error(ApiException.forbidden(new FieldViolation(HEADER, code, message)));
    }
}
