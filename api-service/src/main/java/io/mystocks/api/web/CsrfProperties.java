package io.mystocks.api.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * CSRF token settings.
 *
 * @param secret   the HMAC key shared by every API replica (env {@code MYSTOCKS_CSRF_SECRET}), at least
 *                 32 characters; when empty each process makes its own, so tokens work only on the
 *                 replica that issued them
 * @param tokenTtl how long a token stays valid; it may be used any number of times until then
 */
@Validated
@ConfigurationProperties("mystocks.csrf")
record CsrfProperties(String secret, @DefaultValue("1h") @NotNull Duration tokenTtl) {
    static final int MIN_SECRET_LENGTH = 32;

    CsrfProperties {
        if (secret != null && !secret.isBlank() && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("mystocks.csrf.secret must be at least " + MIN_SECRET_LENGTH
                    + " characters; it has " + secret.length());
        }
        if (tokenTtl != null && (tokenTtl.isNegative() || tokenTtl.getSeconds() < 1)) {
            throw new IllegalArgumentException("mystocks.csrf.token-ttl must be at least one second: " + tokenTtl);
        }
    }

    boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }
}
