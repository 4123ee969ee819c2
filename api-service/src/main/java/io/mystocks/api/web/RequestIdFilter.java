package io.mystocks.api.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request its id first, so that every later filter, handler, error and log line has it:
 * echoed as the {@code X-Request-ID} response header and written into the Reactor context, from
 * which {@link RequestIdMdcAccessor} restores it into the MDC on whatever thread continues the work.
 */
final class RequestIdFilter implements WebFilter, Ordered {
    static final int ORDER = FilterOrders.REQUEST_ID;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestIds.of(exchange);
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
        return chain.filter(exchange).contextWrite(Context.of(RequestIds.KEY, id));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
