package io.mystocks.api.web;

import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers cross-origin requests from the configured origins. Unlike Spring's own filter, a rejected
 * request gets a 403 envelope that says why, not an empty body.
 */
final class CorsFilter implements WebFilter, Ordered {
    static final int ORDER = FilterOrders.CORS;

    private final CorsConfiguration configuration;
    private final EnvelopeCorsProcessor processor = new EnvelopeCorsProcessor();

    CorsFilter(HttpProperties properties) {
        this.configuration = configuration(properties.cors().allowedOrigins());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getOrigin() == null) {
            return chain.filter(exchange);
        }
        boolean cors;
        try {
            cors = CorsUtils.isCorsRequest(request);
        } catch (IllegalArgumentException malformed) {
            return Mono.error(ApiException.forbidden(new FieldViolation("Origin", "CORS_REJECTED",
                    "malformed Origin header '" + request.getHeaders().getOrigin() + "'; send scheme://host[:port]")));
        }
        if (!cors) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return Mono.error(ApiException.forbidden(new FieldViolation("Origin", "CORS_REJECTED",
                    "cross-origin request from " + request.getHeaders().getOrigin() + " rejected: its origin, "
                            + "method or headers are not allowed; allowed origins are set with "
                            + "mystocks.http.cors.allowed-origins")));
        }
        return CorsUtils.isPreFlightRequest(request) ? Mono.empty() : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static CorsConfiguration configuration(List<String> allowedOrigins) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(allowedOrigins);
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                CsrfFilter.HEADER, RequestIds.HEADER, "Last-Event-ID"));
        configuration.setExposedHeaders(List.of(RequestIds.HEADER, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
        configuration.setMaxAge(Duration.ofHours(1));
        return configuration;
    }

    /** Leaves the status alone on rejection so that the error handler writes the envelope. */
    private static final class EnvelopeCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // The filter turns the rejection into an ApiException.
        }
    }
}
