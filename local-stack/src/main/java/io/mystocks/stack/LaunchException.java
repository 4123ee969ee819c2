package io.mystocks.stack;

/** The stack cannot start; the message tells the user what is wrong and what to do. */
final class LaunchException extends RuntimeException {
    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
