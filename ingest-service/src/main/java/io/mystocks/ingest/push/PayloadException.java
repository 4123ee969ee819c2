package io.mystocks.ingest.push;

/**
 * The body as a whole cannot be taken: not JSON, not a batch of quotes, or too big. Carries the HTTP status
 * and a code the envelope reports, and where in the body the problem is when known.
 */
final class PayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    PayloadException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static PayloadException malformed(String message) {
        return new PayloadException(400, "malformed_json", message);
    }

    static PayloadException tooLarge(String message) {
        return new PayloadException(413, "too_large", message);
    }
}
