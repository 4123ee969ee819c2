package io.mystocks.api.strategy;

import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.Symbols;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One parameter of a strategy: its type, default and bounds, and how a client's value is checked.
 * Types follow JSON Schema as the strategy list shows them: {@code integer}, {@code number},
 * {@code string} (one of {@code allowed}, or format {@code date} for an ISO date) and {@code array}
 * (format {@code symbol}: symbols as a JSON list or one comma-separated string).
 *
 * @param defaultValue the value a job gets when the client sends none; null when the parameter is
 *                     optional and unset means something of its own, which the description says
 * @param min          the smallest number, or the fewest symbols; null when unbounded
 * @param max          the largest number, or the most symbols; null when unbounded
 * @param allowed      the accepted strings of a choice, otherwise empty
 * @param aliases      other spellings of allowed strings (lower case) and the value each stands for
 */
record ParamSpec(String name, Type type, Object defaultValue, BigDecimal min, BigDecimal max, List<String> allowed,
                 Map<String, String> aliases, String description) {

    /** The value types a parameter can have. */
    enum Type {
        INTEGER("integer", null), NUMBER("number", null), CHOICE("string", null), DATE("string", "date"),
        SYMBOLS("array", "symbol");

        final String schemaType;
        final String format;

        Type(String schemaType, String format) {
            this.schemaType = schemaType;
            this.format = format;
        }
    }

    ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowed = List.copyOf(allowed);
        aliases = Map.copyOf(aliases);
    }

    static ParamSpec integer(String name, int defaultValue, int min, int max, String description) {
        return new ParamSpec(name, Type.INTEGER, defaultValue, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                List.of(), Map.of(), description);
    }

    /** A decimal number; {@code defaultValue} null makes it optional. */
    static ParamSpec number(String name, String defaultValue, String min, String max, String description) {
        return new ParamSpec(name, Type.NUMBER, defaultValue == null ? null : new BigDecimal(defaultValue),
                new BigDecimal(min), new BigDecimal(max), List.of(), Map.of(), description);
    }

    static ParamSpec choice(String name, String defaultValue, List<String> allowed, Map<String, String> aliases,
                            String description) {
        return new ParamSpec(name, Type.CHOICE, defaultValue, null, null, allowed, aliases, description);
    }

    /** An optional ISO date. */
    static ParamSpec date(String name, String description) {
        return new ParamSpec(name, Type.DATE, null, null, null, List.of(), Map.of(), description);
    }

    static ParamSpec symbols(String name, List<String> defaultValue, int min, int max, String description) {
        return new ParamSpec(name, Type.SYMBOLS, List.copyOf(defaultValue), BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), List.of(), Map.of(), description);
    }

    /**
     * The value a client sent, checked and normalised: an Integer, a BigDecimal, a String (choices and
     * ISO dates) or a List of upper-case symbols. Null, with a violation added, when it does not fit;
     * null without one when an optional parameter is sent as JSON null.
     */
    Object accept(JsonNode value, String field, List<FieldViolation> violations) {
        if ((value == null || value.isNull()) && defaultValue == null) {
            return null;
        }
        return switch (type) {
            case INTEGER, NUMBER -> number(value, field, violations);
            case CHOICE -> choice(value, field, violations);
            case DATE -> date(value, field, violations);
            case SYMBOLS -> symbols(value, field, violations);
        };
    }

    private Object number(JsonNode value, String field, List<FieldViolation> violations) {
        if (value == null || !value.isNumber()) {
            return reject(violations, field, "INVALID_TYPE", value);
        }
        BigDecimal number = value.decimalValue();
        if (type == Type.INTEGER && !isWhole(number)) {
            return reject(violations, field, "INVALID_TYPE", value);
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            return reject(violations, field, "OUT_OF_RANGE", value);
        }
        // The shortest plain form: 2E+6 would be valid JSON, but not what a client sent or expects back.
        return type == Type.INTEGER ? Integer.valueOf(number.intValueExact())
                : new BigDecimal(number.stripTrailingZeros().toPlainString());
    }

    private Object choice(JsonNode value, String field, List<FieldViolation> violations) {
        if (value == null || !value.isString()) {
            return reject(violations, field, "INVALID_TYPE", value);
        }
        String text = value.asString().trim();
        if (allowed.contains(text)) {
            return text;
        }
        String alias = aliases.get(text.toLowerCase(Locale.ROOT));
        return alias != null ? alias : reject(violations, field, "INVALID_VALUE", value);
    }

    private Object date(JsonNode value, String field, List<FieldViolation> violations) {
        if (value == null || !value.isString()) {
            return reject(violations, field, "INVALID_TYPE", value);
        }
        try {
            return LocalDate.parse(value.asString().trim()).toString();
        } catch (DateTimeParseException e) {
            return reject(violations, field, "INVALID_FORMAT", value);
        }
    }

    /** Symbols upper-cased, duplicates dropped in order; each bad one is reported with its index. */
    private Object symbols(JsonNode value, String field, List<FieldViolation> violations) {
        List<String> items = items(value);
        if (items == null) {
            return reject(violations, field, "INVALID_TYPE", value);
        }
        Set<String> symbols = new LinkedHashSet<>();
        int before = violations.size();
        for (int i = 0; i < items.size(); i++) {
            String symbol = items.get(i).trim().toUpperCase(Locale.ROOT);
            if (Symbols.isValid(symbol)) {
                symbols.add(symbol);
            } else {
                violations.add(new FieldViolation(field + "[" + i + "]", "INVALID_SYMBOL", field + "[" + i + "] '"
                        + items.get(i) + "' is not a symbol: use six digits (600519) or an upper-case ticker (AAPL)"));
            }
        }
        if (violations.size() > before) {
            return null;
        }
        if (symbols.size() < min.intValue() || symbols.size() > max.intValue()) {
            return reject(violations, field, "OUT_OF_RANGE", value);
        }
        return List.copyOf(symbols);
    }

    private static List<String> items(JsonNode value) {
        if (value != null && value.isString()) {
            return value.asString().isBlank() ? List.of() : List.of(value.asString().split(",", -1));
        }
        if (value == null || !value.isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isString()) {
                return null;
            }
            items.add(item.asString());
        }
        return items;
    }

    private Object reject(List<FieldViolation> violations, String field, String code, JsonNode value) {
        violations.add(new FieldViolation(field, code, field + " must be " + describe() + ", got "
                + (value == null ? "nothing" : value.toString())));
        return null;
    }

    /** What the parameter accepts, in words: "an integer from 1 to 500". */
    String describe() {
        return switch (type) {
            case INTEGER -> "an integer from " + min.toPlainString() + " to " + max.toPlainString();
            case NUMBER -> "a number from " + min.toPlainString() + " to " + max.toPlainString();
            case CHOICE -> "one of " + String.join(", ", allowed);
            case DATE -> "an ISO date such as 2024-01-31";
            case SYMBOLS -> "a list of " + min.intValue() + " to " + max.intValue() + " symbols such as "
                    + "[\"600519\", \"AAPL\"], or one comma-separated string";
        };
    }

    private static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }
}
