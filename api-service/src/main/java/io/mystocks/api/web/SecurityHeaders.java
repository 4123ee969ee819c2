package io.mystocks.api.web;

import java.util.function.BiConsumer;

/** The browser hardening headers of every response, errors included, whichever path answers it. */
public final class SecurityHeaders {
    private final String contentSecurityPolicy;

    SecurityHeaders(HttpProperties properties) {
        this.contentSecurityPolicy = properties.contentSecurityPolicy();
    }

    /** Hands every header name and value to {@code header}. */
    public void forEach(BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("Content-Security-Policy", contentSecurityPolicy);
    }
}
