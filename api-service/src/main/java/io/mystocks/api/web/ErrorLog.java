package io.mystocks.api.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * How an answered error is logged, by whichever path answered it: faults at ERROR with the stack trace,
 * unreachable dependencies at WARN, answers to clients (4xx, loading) only at DEBUG; the request id in the
 * line and in the MDC.
 */
final class ErrorLog {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private ErrorLog() {
    }

    static void log(String method, String path, Throwable error, ApiError apiError, String requestId) {
        int status = apiError.status().value();
        boolean fault = status >= 500 && !(error instanceof ApiException);
        if (!fault && !log.isDebugEnabled()) {
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.KEY, requestId)) {
            String request = method + " " + path;
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
