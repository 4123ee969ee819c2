package io.mystocks.api.strategy;

import io.mystocks.api.web.FieldViolation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One parameter of a strategy: its type, default and inclusive bounds.
 *
 * @param defaultValue an {@link Integer} for INTEGER parameters, a {@link BigDecimal} for NUMBER ones
 */
record ParamSpec(String name, Type type, Number defaultValue, BigDecimal min, BigDecimal max, String description) {
    enum Type { INTEGER, NUMBER }

    ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    static ParamSpec integer(String name, int defaultValue, int min, int max, String description) {
        return new ParamSpec(name, Type.INTEGER, defaultValue, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                description);
    }

    static ParamSpec number(String name, String defaultValue, String min, String max, String description) {
        return new ParamSpec(name, Type.NUMBER, new BigDecimal(defaultValue), new BigDecimal(min),
                new BigDecimal(max), description);
    }

    /**
     * The value a client sent, checked against this spec; null (with a violation added) when it does
     * not fit.
     */
    Number accept(JsonNode value, String field, List<FieldViolation> violations) {
        if (value == null || !value.isNumber()) {
            violations.add(new FieldViolation(field, "INVALID_TYPE", field + " must be " + describe() + ", got "
                    + (value == null ? "nothing" : value.toString())));
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (type == Type.INTEGER && !isWhole(number)) {
            violations.add(new FieldViolation(field, "INVALID_TYPE", field + " must be " + describe() + ", got "
                    + value));
            return null;
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            violations.add(new FieldViolation(field, "OUT_OF_RANGE", field + " must be " + describe() + ", got "
                    + value));
            return null;
        }
        return type == Type.INTEGER ? Integer.valueOf(number.intValueExact()) : number.stripTrailingZeros();
    }

    private String describe() {
        String kind = type == Type.INTEGER ? "an integer" : "a number";
        return kind + " from " + min.toPlainString() + " to " + max.toPlainString();
    }

    private static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }
}
