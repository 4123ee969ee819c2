package io.mystocks.worker.strategy;

import io.mystocks.contracts.Symbols;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A job's parameters checked against a strategy's {@link ParamSpec}s, with the defaults applied.
 * Numbers may arrive as JSON numbers or numeric strings, symbols as a list or one comma-separated
 * string. Every rejection names the parameter, the bad value and what is accepted.
 */
public final class ParamValues {
    private final Map<String, Object> values;

    private ParamValues(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * @throws InvalidParamsException for an unknown parameter or a value of the wrong type or out of range
     */
    public static ParamValues bind(String strategyId, List<ParamSpec> specs, Map<String, Object> raw) {
        Set<String> known = specs.stream().map(ParamSpec::name).collect(Collectors.toSet());
        for (String name : raw.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidParamsException("unknown parameter \"" + name + "\" for strategy " + strategyId
                        + "; it accepts " + specs.stream().map(ParamSpec::name).collect(Collectors.joining(", ")));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object value = raw.get(spec.name());
            values.put(spec.name(), value == null ? spec.defaultValue() : parse(spec, value));
        }
        return new ParamValues(values);
    }

    public int integer(String name) {
        return (Integer) require(name);
    }

    /** A number, or null when it is optional and not set. */
    public BigDecimal decimal(String name) {
        return (BigDecimal) values.get(name);
    }

    public String text(String name) {
        return (String) require(name);
    }

    /** A date, or null when not set. */
    public LocalDate date(String name) {
        return (LocalDate) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        return (List<String>) require(name);
    }

    /**
     * The parameters as applied, defaults included, in the order of the specs: numbers in their shortest
     * plain form and dates as ISO strings, so that equal parameters always print the same. Unset optional
     * parameters are left out.
     */
    public Map<String, Object> applied() {
        Map<String, Object> applied = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof BigDecimal decimal) {
                applied.put(name, canonical(decimal));
            } else if (value instanceof LocalDate date) {
                applied.put(name, date.toString());
            } else if (value != null) {
                applied.put(name, value);
            }
        });
        return Collections.unmodifiableMap(applied);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value for parameter " + name);
        }
        return value;
    }

    private static Object parse(ParamSpec spec, Object raw) {
        return switch (spec.type()) {
            case ParamSpec.INTEGER -> wholeNumber(spec, raw);
            case ParamSpec.NUMBER -> number(spec, raw);
            case ParamSpec.ARRAY -> symbols(spec, raw);
            case ParamSpec.STRING -> ParamSpec.DATE.equals(spec.format()) ? date(spec, raw) : choice(spec, raw);
            default -> throw new IllegalStateException("unsupported parameter type " + spec.type());
        };
    }

    private static Integer wholeNumber(ParamSpec spec, Object raw) {
        BigDecimal value = decimal(raw);
        if (value == null || value.stripTrailingZeros().scale() > 0 || !inRange(spec, value)) {
            throw new InvalidParamsException(spec.name() + " must be a whole number from " + plain(spec.min())
                    + " to " + plain(spec.max()) + "; got " + shown(raw));
        }
        return value.intValueExact();
    }

    private static BigDecimal number(ParamSpec spec, Object raw) {
        BigDecimal value = decimal(raw);
        if (value == null || !inRange(spec, value)) {
            throw new InvalidParamsException(spec.name() + " must be a number from " + plain(spec.min()) + " to "
                    + plain(spec.max()) + "; got " + shown(raw));
        }
        return value;
    }

    private static String choice(ParamSpec spec, Object raw) {
        if (!(raw instanceof String text) || !spec.allowed().contains(text.trim())) {
            throw new InvalidParamsException(spec.name() + " must be one of " + String.join(", ", spec.allowed())
                    + "; got " + shown(raw));
        }
        return text.trim();
    }

    private static LocalDate date(ParamSpec spec, Object raw) {
        try {
            if (raw instanceof String text) {
                return LocalDate.parse(text.trim());
            }
        } catch (DateTimeParseException e) {
            // Reported below with the accepted form.
        }
        throw new InvalidParamsException(spec.name() + " must be an ISO date such as 2024-01-31; got "
                + shown(raw));
    }

    private static List<String> symbols(ParamSpec spec, Object raw) {
        List<String> items = items(spec, raw);
        int min = spec.min().intValue();
        int max = spec.max().intValue();
        if (items.size() < min || items.size() > max) {
            throw new InvalidParamsException(spec.name() + " must list " + min + " to " + max + " symbols; got "
                    + items.size());
        }
        Set<String> seen = new HashSet<>();
        List<String> symbols = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String symbol = items.get(i).trim().toUpperCase(Locale.ROOT);
            if (!Symbols.isValid(symbol)) {
                throw new InvalidParamsException(spec.name() + "[" + i + "] \"" + items.get(i)
                        + "\" is not a symbol: use six digits (600519) or an upper-case ticker (AAPL)");
            }
            if (!seen.add(symbol)) {
                throw new InvalidParamsException(spec.name() + " lists " + symbol + " twice");
            }
            symbols.add(symbol);
        }
        return List.copyOf(symbols);
    }

    private static List<String> items(ParamSpec spec, Object raw) {
        if (raw instanceof String text) {
            return text.isBlank() ? List.of() : List.of(text.split(",", -1));
        }
        if (raw instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new InvalidParamsException(spec.name() + " must be a list of symbols such as [\"600519\", \"AAPL\"]"
                + " or a comma-separated string; got " + shown(raw));
    }

    private static boolean inRange(ParamSpec spec, BigDecimal value) {
        return (spec.min() == null || value.compareTo(spec.min()) >= 0)
                && (spec.max() == null || value.compareTo(spec.max()) <= 0);
    }

    /** The value as a decimal, or null when it is not a number. */
    private static BigDecimal decimal(Object raw) {
        if (!(raw instanceof Number) && !(raw instanceof String)) {
            return null;
        }
        try {
            return new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The shortest plain form: 0.00030 and 3E-4 both become 0.0003, 1E+6 becomes 1000000. */
    static BigDecimal canonical(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    private static String plain(BigDecimal value) {
        return canonical(value).toPlainString();
    }

    private static String shown(Object raw) {
        return raw instanceof String ? "\"" + raw + "\"" : String.valueOf(raw);
    }
}
