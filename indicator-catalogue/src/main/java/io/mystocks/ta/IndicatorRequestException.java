package io.mystocks.ta;

import java.util.Objects;

/**
 * A request for an indicator that cannot be served as asked: the message says what was wrong and what
 * would be accepted. A caller answering HTTP maps it to 400 with {@link #field()} and {@link #reason()}.
 */
public final class IndicatorRequestException extends IllegalArgumentException {
    /** What was wrong with the request. */
    public enum Reason {
        /** No indicator has that name or alias; the message lists the valid names. */
        UNKNOWN_INDICATOR,
        /** The indicator has no such parameter; the message lists its parameters. */
        UNKNOWN_PARAMETER,
        /** The value is not a number of the parameter's type. */
        INVALID_VALUE,
        /** The value is outside the parameter's bounds, or conflicts with another parameter. */
        OUT_OF_RANGE
    }

    private final Reason reason;
    private final String field;

    IndicatorRequestException(Reason reason, String field, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = Objects.requireNonNull(field, "field");
    }

    public Reason reason() {
        return reason;
    }

    /** The offending parameter's name, or {@code indicator} for an unknown indicator. */
    public String field() {
        return field;
    }
}
