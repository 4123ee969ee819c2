package io.mystocks.stack;

/** The command line cannot be understood; the message names the bad argument. */
final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
        super(message);
    }
}
