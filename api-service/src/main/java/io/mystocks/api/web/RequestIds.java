package io.mystocks.api.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request id: taken from a well-formed {@code X-Request-ID} header or generated, then found in
 * the exchange attributes, the Reactor context and the logging MDC under {@link #KEY}.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-ID";
    /** The Reactor context key and the MDC key. */
    public static final String KEY = "request_id";
    static final String ATTRIBUTE = RequestIds.class.getName();
    static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /** The id of the exchange's request; generated if the exchange has not passed the request-id filter. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = resolve(exchange.getRequest().getHeaders().getFirst(HEADER));
            exchange.getAttributes().put(ATTRIBUTE, id);
        }
        return id;
    }

    /** The client's id when it is 1 to 128 characters of {@code [A-Za-z0-9._-]}, otherwise a new one. */
    public static String resolve(String header) {
        return isWellFormed(header) ? header : generate();
    }

    static boolean isWellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random version-4 UUID. Ids only need to be unique, not unguessable, so they come from the
     * thread-local generator rather than the contended SecureRandom behind {@link UUID#randomUUID()}.
     */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
