package io.mystocks.api.strategy;

import java.io.Serial;

/**
 * A stored value no reader can decode: corrupt, or written by an incompatible version. What it means to a
 * client depends on the value, so the store only says which one it was; it carries no stack trace, being
 * an answer to give rather than a fault.
 */
public final class UnreadableValueException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message which value could not be read, in words a client may be shown */
    public UnreadableValueException(String message) {
        super(message, null, false, false);
    }
}
