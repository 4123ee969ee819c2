package io.mystocks.ingest.publish;

/**
 * A quote or dead letter that Kafka did not acknowledge. Nothing was written, so the caller may send the
 * same quote again; the producer is idempotent, so a retry that races a late acknowledgement does not
 * duplicate within a producer session.
 */
public final class PublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
