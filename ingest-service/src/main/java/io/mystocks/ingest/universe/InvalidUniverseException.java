package io.mystocks.ingest.universe;

/**
 * A universe file that cannot be used. The message names the file and the line, so that the row can
 * be fixed; the service refuses to start rather than run on a partial universe.
 */
public final class InvalidUniverseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidUniverseException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
    }

    InvalidUniverseException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
