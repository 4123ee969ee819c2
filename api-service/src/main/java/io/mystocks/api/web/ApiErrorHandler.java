package io.mystocks.api.web;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error as an envelope, ahead of Spring Boot's own handler. Runs outside the filter
 * chain, so it sets the request id in the MDC itself for the lines it logs.
 */
final class ApiErrorHandler implements ErrorWebExceptionHandler, Ordered {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    private static final byte[] FALLBACK_BODY = ("{\"success\":false,\"code\":500,\"message\":\""
            + ErrorTranslator.INTERNAL_ERROR + "\",\"data\":null}").getBytes(StandardCharsets.UTF_8);

    private final ErrorTranslator translator;
    private final Envelopes envelopes;
    private final JsonMapper mapper;

    ApiErrorHandler(ErrorTranslator translator, Envelopes envelopes, JsonMapper mapper) {
        this.translator = translator;
        this.envelopes = envelopes;
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ApiError apiError = translator.translate(error, exchange);
        String requestId = RequestIds.of(exchange);
        logError(exchange, error, apiError, requestId);
        response.setStatusCode(apiError.status());
        HttpHeaders headers = response.getHeaders();
        headers.addAll(apiError.headers());
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(RequestIds.HEADER, requestId);
        byte[] body = body(exchange, apiError);
        headers.setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    @Override
    public int getOrder() {
        return -2;
    }

    private byte[] body(ServerWebExchange exchange, ApiError apiError) {
        try {
            return mapper.writeValueAsBytes(envelopes.error(exchange, apiError.status(), apiError.message(),
                    apiError.violations()));
        } catch (JacksonException e) {
            log.error("Cannot write the error envelope for {}", apiError, e);
            return FALLBACK_BODY;
        }
    }

    /** Faults at ERROR, unreachable dependencies at WARN; answers to clients (4xx, loading) only at DEBUG. */
    private static void logError(ServerWebExchange exchange, Throwable error, ApiError apiError, String requestId) {
        int status = apiError.status().value();
        boolean fault = status >= 500 && !(error instanceof ApiException);
        if (!fault && !log.isDebugEnabled()) {
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.KEY, requestId)) {
            String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
            if (!fault) {
                log.debug("Request {} {} answered {}: {}", requestId, request, status, apiError.message());
            } else if (status == 500) {
                log.error("Request {} {} failed", requestId, request, error);
            } else {
                log.warn("Request {} {} answered {}: {}", requestId, request, status, apiError.message());
            }
        }
    }
}
