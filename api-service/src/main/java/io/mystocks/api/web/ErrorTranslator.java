package io.mystocks.api.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;

/**
 * Turns any failure into the error a client sees. Client mistakes become 4xx answers that say what
 * was wrong and how to fix it; everything unforeseen becomes a 500 that reveals nothing.
 */
final class ErrorTranslator {
    static final String INTERNAL_ERROR = "internal error; quote the request id when reporting it";

    private final long maxBodyBytes;

    ErrorTranslator(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    ApiError translate(Throwable error, ServerWebExchange exchange) {
        if (error instanceof ResponseStatusException status) {
            return fromStatus(status, exchange.getRequest());
        }
        return translate(error);
    }

    /** The error of a failure that did not come from Spring's request handling (no request needed). */
    ApiError translate(Throwable error) {
        return switch (error) {
            case ApiException api -> new ApiError(api.status(), api.getMessage(), api.violations(),
                    retryAfter(api.retryAfter()));
            case DependencyUnavailableException down -> new ApiError(HttpStatus.SERVICE_UNAVAILABLE,
                    down.getMessage(), List.of(), retryAfter(down.retryAfter()));
            default -> tooLarge(error) ? contentTooLarge()
                    : ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR);
        };
    }

    private ApiError fromStatus(ResponseStatusException error, ServerHttpRequest request) {
        ApiError translated = switch (error) {
            case ContentTooLargeException ignored -> contentTooLarge();
            case PayloadTooLargeException ignored -> contentTooLarge();
            case WebExchangeBindException bind -> bindErrors(bind);
            case MissingRequestValueException missing -> missing(missing);
            case ServerWebInputException input -> badInput(input);
            case MethodNotAllowedException method -> ApiError.of(error.getStatusCode(), "method "
                    + method.getHttpMethod() + " is not supported on " + request.getPath().value() + "; use "
                    + method.getSupportedMethods());
            case NotAcceptableStatusException notAcceptable -> ApiError.of(error.getStatusCode(),
                    "cannot answer in any of the accepted media types (Accept: "
                            + request.getHeaders().getFirst(HttpHeaders.ACCEPT) + "); this endpoint answers "
                            + answers(notAcceptable));
            case UnsupportedMediaTypeStatusException media -> ApiError.of(error.getStatusCode(), "content type "
                    + media.getContentType() + " is not supported here; send the body as "
                    + MediaType.APPLICATION_JSON_VALUE);
            default -> other(error, request);
        };
        return new ApiError(translated.status(), translated.message(), translated.violations(), error.getHeaders());
    }

    private ApiError other(ResponseStatusException error, ServerHttpRequest request) {
        if (error.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return ApiError.of(HttpStatus.NOT_FOUND, "no endpoint " + request.getMethod() + " "
                    + request.getPath().value() + "; the API is listed at GET / and documented at /api/docs");
        }
        if (error.getStatusCode().is5xxServerError()) {
            return ApiError.of(error.getStatusCode(), INTERNAL_ERROR);
        }
        String reason = error.getReason() == null ? "request rejected" : error.getReason();
        return ApiError.of(error.getStatusCode(), reason);
    }

    private ApiError badInput(ServerWebInputException error) {
        if (tooLarge(error)) {
            return contentTooLarge();
        }
        if (error.getReason() != null && error.getReason().startsWith("Invalid 'Upgrade' header")) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "this is a WebSocket endpoint: connect with a WebSocket "
                    + "client (Upgrade: websocket)");
        }
        if (error.getCause() instanceof TypeMismatchException mismatch) {
            return typeMismatch(mismatch, error.getMethodParameter());
        }
        JacksonException json = cause(error, JacksonException.class);
        if (json != null) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "request body is not valid JSON: " + json.getOriginalMessage()
                    + location(json) + "; send a JSON object such as {\"strategy_id\": \"value\"}");
        }
        if (error.getReason() != null && error.getReason().toLowerCase(Locale.ROOT).contains("no request body")) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "request body is required; send a JSON object");
        }
        if (cause(error, DecodingException.class) != null) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "request body could not be read; send valid JSON");
        }
        return ApiError.of(HttpStatus.BAD_REQUEST, error.getReason() == null ? "bad request" : error.getReason());
    }

    private static ApiError typeMismatch(TypeMismatchException mismatch, MethodParameter parameter) {
        String name = parameter != null && parameter.getParameterName() != null
                ? parameter.getParameterName() : String.valueOf(mismatch.getPropertyName());
        String type = mismatch.getRequiredType() == null ? "value" : mismatch.getRequiredType().getSimpleName();
        String message = name + " must be " + article(type) + " " + type.toLowerCase(Locale.ROOT) + ", got '"
                + mismatch.getValue() + "'";
        return ApiError.of(HttpStatus.BAD_REQUEST, message, List.of(new FieldViolation(name, "INVALID_TYPE", message)));
    }

    private static ApiError missing(MissingRequestValueException missing) {
        String message = "missing required " + missing.getLabel() + " '" + missing.getName() + "'";
        return ApiError.of(HttpStatus.BAD_REQUEST, message,
                List.of(new FieldViolation(missing.getName(), "REQUIRED", message)));
    }

    private static ApiError bindErrors(WebExchangeBindException bind) {
        List<FieldViolation> violations = bind.getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), "INVALID_VALUE", f.getField() + " " + f.getDefaultMessage()))
                .toList();
        String message = violations.stream().map(FieldViolation::message).collect(Collectors.joining("; "));
        return ApiError.of(HttpStatus.BAD_REQUEST, message.isEmpty() ? "invalid request" : message, violations);
    }

    private ApiError contentTooLarge() {
        return ApiError.of(HttpStatus.CONTENT_TOO_LARGE, "request body exceeds the limit of " + maxBodyBytes
                + " bytes (mystocks.http.max-body-size); send a smaller body");
    }

    private static String answers(NotAcceptableStatusException error) {
        List<MediaType> supported = error.getSupportedMediaTypes();
        return supported.isEmpty() ? MediaType.APPLICATION_JSON_VALUE
                : supported.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
    }

    private static HttpHeaders retryAfter(Duration retryAfter) {
        if (retryAfter == null) {
            return HttpHeaders.EMPTY;
        }
        HttpHeaders headers = new HttpHeaders();
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return headers;
    }

    private static boolean tooLarge(Throwable error) {
        return cause(error, DataBufferLimitException.class) != null;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String location(JacksonException json) {
        return json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr() + ", column "
                + json.getLocation().getColumnNr();
    }

    private static String article(String type) {
        return "AEIOUaeiou".indexOf(type.charAt(0)) >= 0 ? "an" : "a";
    }
}
