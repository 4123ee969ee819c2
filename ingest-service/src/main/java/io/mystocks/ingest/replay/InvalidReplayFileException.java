package io.mystocks.ingest.replay;

/** A replay file that cannot be used at all: unreadable, of an unknown format, or without the needed columns. */
public final class InvalidReplayFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidReplayFileException(String location, String problem, Throwable cause) {
        super("replay file " + location + ": " + problem, cause);
    }
}
