package io.mystocks.worker.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One parameter of a strategy, as clients see it in the strategy list and as {@link ParamValues} checks
 * it. Types follow JSON Schema: {@code integer}, {@code number}, {@code string} (with {@code format}
 * {@code date} for ISO dates, or a fixed list of {@code allowed} values) and {@code array} (with
 * {@code format} {@code symbol}: a list of symbols, or one comma-separated string).
 *
 * @param defaultValue the value used when the parameter is absent; null when absent means "not set",
 *                     and the description says what then applies
 * @param min          the smallest number, or the fewest items of an array; null when unbounded
 * @param max          the largest number, or the most items of an array; null when unbounded
 * @param allowed      the accepted values of a string, or empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ParamSpec(String name, String type, String format, @JsonProperty("default") Object defaultValue,
                        BigDecimal min, BigDecimal max, List<String> allowed, String description) {
    public static final String INTEGER = "integer";
    public static final String NUMBER = "number";
    public static final String STRING = "string";
    public static final String ARRAY = "array";
    public static final String DATE = "date";
    public static final String SYMBOL = "symbol";

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static ParamSpec integer(String name, int defaultValue, int min, int max, String description) {
        return new ParamSpec(name, INTEGER, null, defaultValue, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                null, description);
    }

    /** A decimal number from {@code min} to {@code max}; {@code defaultValue} may be null. */
    public static ParamSpec number(String name, String defaultValue, String min, String max, String description) {
        return new ParamSpec(name, NUMBER, null, defaultValue == null ? null : new BigDecimal(defaultValue),
                new BigDecimal(min), new BigDecimal(max), null, description);
    }

    /** One of a fixed list of strings. */
    public static ParamSpec choice(String name, String defaultValue, List<String> allowed, String description) {
        return new ParamSpec(name, STRING, null, defaultValue, null, null, allowed, description);
    }

    /** An optional ISO date, {@code 2024-01-31}. */
    public static ParamSpec date(String name, String description) {
        return new ParamSpec(name, STRING, DATE, null, null, null, null, description);
    }

    /** A list of {@code min} to {@code max} distinct symbols. */
    public static ParamSpec symbols(String name, List<String> defaultValue, int min, int max, String description) {
        return new ParamSpec(name, ARRAY, SYMBOL, List.copyOf(defaultValue), BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), null, description);
    }
}
