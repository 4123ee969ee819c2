package io.mystocks.api.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Sets the {@link SecurityHeaders} on every response Spring answers, errors included. */
final class SecurityHeadersFilter implements WebFilter, Ordered {
    static final int ORDER = FilterOrders.SECURITY_HEADERS;

    private final SecurityHeaders securityHeaders;

    SecurityHeadersFilter(SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        securityHeaders.forEach(headers::set);
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
