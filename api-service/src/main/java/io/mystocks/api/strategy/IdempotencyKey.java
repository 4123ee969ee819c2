package io.mystocks.api.strategy;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.FieldViolation;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's {@code Idempotency-Key}: a retried submission with the same key gets the job of the
 * first one instead of a second job.
 */
record IdempotencyKey(String value) {
    static final String HEADER = "Idempotency-Key";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:~-]{1,128}");

    /** The key of a request, or empty without the header; 400 when it is not 1 to 128 safe characters. */
    static Optional<IdempotencyKey> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!SAFE.matcher(header).matches()) {
            throw ApiException.invalid(new FieldViolation(HEADER, "INVALID_IDEMPOTENCY_KEY", HEADER + " must be 1 to "
                    + "128 characters of letters, digits and _ . : ~ -, such as a UUID; got " + describe(header)));
        }
        return Optional.of(new IdempotencyKey(header));
    }

    private static String describe(String header) {
        if (header.isEmpty()) {
            return "an empty value";
        }
        return header.length() > 128 ? header.length() + " characters" : "'" + header + "'";
    }
}
