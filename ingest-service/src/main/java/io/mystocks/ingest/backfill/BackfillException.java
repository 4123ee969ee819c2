package io.mystocks.ingest.backfill;

/**
 * The backfill could not finish this time, usually because Kafka is not reachable; running it again resumes
 * where it stopped without writing any bar twice.
 */
final class BackfillException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BackfillException(String message, Throwable cause) {
        super(message, cause);
    }
}
