package io.mystocks.ingest.push;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that follows a request through logs and Kafka headers: the caller's {@code X-Request-ID} when it is
 * a sensible token, otherwise a fresh one. A header that is too long or holds odd characters is replaced
 * rather than refused, since it must not cost the caller its quotes.
 */
final class RequestIds {
    static final String HEADER = "X-Request-ID";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:/+=@-]{1,128}");

    private RequestIds() {
    }

    static String resolve(String header) {
        return header != null && ACCEPTED.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
