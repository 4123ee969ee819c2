package io.mystocks.api.web;

import java.time.Clock;
import java.time.Duration;

/** Mints CSRF tokens for tests of endpoints in other packages. */
public final class CsrfTestTokens {
    public static final String HEADER = CsrfFilter.HEADER;

    private CsrfTestTokens() {
    }

    /** A token the service accepts when it runs with the same secret and clock. */
    public static String mint(String secret, Clock clock) {
        return new CsrfTokens(new CsrfProperties(secret, Duration.ofHours(1)), clock).issue().token();
    }
}
