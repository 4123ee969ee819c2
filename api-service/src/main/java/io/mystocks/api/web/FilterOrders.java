package io.mystocks.api.web;

import org.springframework.core.Ordered;

/**
 * Where each web filter runs: the request id first, so that every later filter and every error has
 * it; metrics early, so that they see every answer; rate limiting before any work a flood could make
 * expensive (CORS, body reading, CSRF signatures).
 */
public final class FilterOrders {
    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    public static final int HTTP_METRICS = REQUEST_ID + 5;
    public static final int SECURITY_HEADERS = REQUEST_ID + 10;
    public static final int RATE_LIMIT = REQUEST_ID + 20;
    public static final int CORS = REQUEST_ID + 30;
    public static final int BODY_SIZE_LIMIT = REQUEST_ID + 40;
    public static final int CSRF = REQUEST_ID + 50;

    private FilterOrders() {
    }
}
