package io.mystocks.api.web;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies over the limit with 413: at once when {@code Content-Length} says so, and
 * while reading for bodies of unknown length (chunked, or HTTP/2 without a length).
 */
final class BodySizeLimitFilter implements WebFilter, Ordered {
    static final int ORDER = FilterOrders.BODY_SIZE_LIMIT;

    private static final Set<HttpMethod> BODY_METHODS =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final long maxBytes;

    BodySizeLimitFilter(HttpProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge(declared + " bytes"));
        }
        if (declared >= 0 || !BODY_METHODS.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new CountingRequest(exchange.getRequest());
        return chain.filter(exchange.mutate().request(counted).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private ApiException tooLarge(String size) {
        return ApiException.contentTooLarge("request body of " + size + " exceeds the limit of " + maxBytes
                + " bytes (mystocks.http.max-body-size); send a smaller body");
    }

    private final class CountingRequest extends ServerHttpRequestDecorator {
        CountingRequest(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong read = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge("more than " + maxBytes + " bytes"));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
