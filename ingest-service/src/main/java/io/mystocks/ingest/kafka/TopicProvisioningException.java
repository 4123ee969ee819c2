package io.mystocks.ingest.kafka;

/** The topics could not be checked or created; usually Kafka is not reachable yet, so trying again helps. */
public final class TopicProvisioningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
