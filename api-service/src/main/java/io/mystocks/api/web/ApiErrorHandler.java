package io.mystocks.api.web;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes every error as an envelope, ahead of Spring Boot's own handler. Runs outside the filter
 * chain, so {@link ErrorLog} sets the request id in the MDC itself for the lines it logs.
 */
final class ApiErrorHandler implements ErrorWebExceptionHandler, Ordered {
    private final ErrorTranslator translator;
    private final EnvelopeWriter writer;

    ApiErrorHandler(ErrorTranslator translator, EnvelopeWriter writer) {
        this.translator = translator;
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ApiError apiError = translator.translate(error, exchange);
        String requestId = RequestIds.of(exchange);
        ErrorLog.log(exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(), error,
                apiError, requestId);
        response.setStatusCode(apiError.status());
        HttpHeaders headers = response.getHeaders();
        headers.addAll(apiError.headers());
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(RequestIds.HEADER, requestId);
        byte[] body = writer.errorBody(apiError, requestId);
        headers.setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    @Override
    public int getOrder() {
        return -2;
    }
}
