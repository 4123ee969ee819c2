package io.mystocks.ta;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One parameter of an indicator, by its TA-Lib name.
 *
 * @param name         lower case, as TA-Lib names it ({@code timeperiod}, {@code fastperiod}, ...)
 * @param type         whole number or decimal
 * @param defaultValue the conventional value, used when a request leaves the parameter out
 * @param min          the smallest value accepted
 * @param max          the largest value accepted
 * @param description  what the parameter sets
 */
public record IndicatorParameter(String name, Type type, double defaultValue, double min, double max,
                                 String description) {
    /** The type of a parameter's value. */
    public enum Type {
        INT, DOUBLE
    }

    public IndicatorParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is outside " + min + ".." + max);
        }
    }

    static IndicatorParameter integer(String name, int defaultValue, int min, int max, String description) {
        return new IndicatorParameter(name, Type.INT, defaultValue, min, max, description);
    }

    static IndicatorParameter decimal(String name, double defaultValue, double min, double max, String description) {
        return new IndicatorParameter(name, Type.DOUBLE, defaultValue, min, max, description);
    }

    /** The default as the type's number: an {@link Integer} or a {@link Double}. */
    public Number defaultNumber() {
        return type == Type.INT ? (Number) (int) defaultValue : (Number) defaultValue;
    }

    /** The bounds as text, {@code 2..1000} or {@code 0.001..1}. */
    public String bounds() {
        return format(min) + ".." + format(max);
    }

    /**
     * Parses and checks a requested value.
     *
     * @throws IndicatorRequestException when it is not a number of this type or out of bounds
     */
    Number parse(String indicator, String text) {
        String trimmed = text == null ? "" : text.trim();
        double value;
        try {
            value = Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw invalid(indicator, trimmed, "a number");
        }
        if (!Double.isFinite(value)) {
            throw invalid(indicator, trimmed, "a finite number");
        }
        if (type == Type.INT && (value != Math.rint(value) || trimmed.contains("."))) {
            throw invalid(indicator, trimmed, "a whole number");
        }
        if (value < min || value > max) {
            throw new IndicatorRequestException(IndicatorRequestException.Reason.OUT_OF_RANGE, name,
                    "parameter " + name + " of " + indicator + " must be between " + bounds() + ", was " + trimmed);
        }
        return type == Type.INT ? (Number) (int) value : (Number) value;
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private IndicatorRequestException invalid(String indicator, String text, String expected) {
        return new IndicatorRequestException(IndicatorRequestException.Reason.INVALID_VALUE, name,
                "parameter " + name + " of " + indicator + " must be " + expected + " (" + type.name().toLowerCase()
                        + ", " + bounds() + "), was '" + text + "'");
    }
}
