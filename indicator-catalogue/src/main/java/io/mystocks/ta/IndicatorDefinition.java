package io.mystocks.ta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * One indicator of the catalogue: its TA-Lib name, the aliases Chinese-market clients use, its parameters
 * with their defaults and bounds, the names of its outputs, and its warm-up.
 *
 * <p>The warm-up is the number of bars an instance needs before its value is reported: TA-Lib's lookback
 * plus one for every indicator TA-Lib has, so that a ready value is the value TA-Lib gives at that bar.
 * {@link #warmup()} states it as a formula of the parameters; {@link IndicatorInstance#warmupBars()} is the
 * number for one instance.
 */
public final class IndicatorDefinition {
    private final String name;
    private final List<String> aliases;
    private final String description;
    private final List<IndicatorParameter> parameters;
    private final List<String> outputs;
    private final String warmup;
    private final ToIntFunction<Params> warmupBars;
    private final List<Constraint> constraints;
    private final Binder binder;

    private IndicatorDefinition(Builder builder) {
        this.name = builder.name;
        this.aliases = List.copyOf(builder.aliases);
        this.description = builder.description;
        this.parameters = List.copyOf(builder.parameters);
        this.outputs = List.copyOf(builder.outputs);
        this.warmup = Objects.requireNonNull(builder.warmup, "warmup of " + name);
        this.warmupBars = builder.warmupBars;
        this.constraints = List.copyOf(builder.constraints);
        this.binder = Objects.requireNonNull(builder.binder, "binder of " + name);
    }

    /** The TA-Lib name, upper case: {@code SMA}, {@code BBANDS}. */
    public String name() {
        return name;
    }

    /** Other names that find this indicator, upper case: {@code MA}, {@code BOLL}. */
    public List<String> aliases() {
        return aliases;
    }

    public String description() {
        return description;
    }

    public List<IndicatorParameter> parameters() {
        return parameters;
    }

    /** The output names, in order: {@code value} for a single output. */
    public List<String> outputs() {
        return outputs;
    }

    /** The warm-up in bars as a formula of the parameters, such as {@code slowperiod + signalperiod - 1}. */
    public String warmup() {
        return warmup;
    }

    public Optional<IndicatorParameter> parameter(String parameterName) {
        String wanted = parameterName.toLowerCase(Locale.ROOT);
        return parameters.stream().filter(parameter -> parameter.name().equals(wanted)).findFirst();
    }

    /** The instance with every parameter at its default. */
    public IndicatorInstance defaults() {
        return instance(Map.of());
    }

    /**
     * The instance for requested parameter values; parameters left out take their defaults.
     *
     * @throws IndicatorRequestException for an unknown parameter or a value that is not accepted
     */
    public IndicatorInstance instance(Map<String, String> requested) {
        Map<String, String> byName = new LinkedHashMap<>();
        requested.forEach((key, value) -> {
            String parameterName = key.toLowerCase(Locale.ROOT);
            if (parameter(parameterName).isEmpty()) {
                throw new IndicatorRequestException(IndicatorRequestException.Reason.UNKNOWN_PARAMETER, key,
                        "unknown parameter '" + key + "' for " + name + "; valid parameters: " + parameterList());
            }
            byName.put(parameterName, value);
        });
        Map<String, Number> values = new LinkedHashMap<>();
        for (IndicatorParameter parameter : parameters) {
            String text = byName.get(parameter.name());
            values.put(parameter.name(), text == null ? parameter.defaultNumber() : parameter.parse(name, text));
        }
        Params params = new Params(values);
        for (Constraint constraint : constraints) {
            if (!constraint.holds().test(params)) {
                throw new IndicatorRequestException(IndicatorRequestException.Reason.OUT_OF_RANGE, constraint.field(),
                        name + ": " + constraint.message().apply(params));
            }
        }
        return new IndicatorInstance(this, params);
    }

    @Override
    public String toString() {
        return name;
    }

    int warmupBars(Params params) {
        return warmupBars.applyAsInt(params);
    }

    Line[] bind(Prices prices, Params params) {
        Line[] lines = binder.bind(prices, params);
        if (lines.length != outputs.size()) {
            throw new IllegalStateException(name + " bound " + lines.length + " lines for outputs " + outputs);
        }
        return lines;
    }

    private String parameterList() {
        if (parameters.isEmpty()) {
            return "none";
        }
        return parameters.stream()
                .map(parameter -> parameter.name() + " (" + parameter.type().name().toLowerCase(Locale.ROOT) + ", "
                        + parameter.bounds() + ", default " + IndicatorParameter.format(parameter.defaultValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    static Builder define(String name, String description) {
        return new Builder(name, description);
    }

    /** Builds the lines of an instance over a series, one per output, in output order. */
    @FunctionalInterface
    interface Binder {
        Line[] bind(Prices prices, Params params);
    }

    /** A rule between parameters, such as a fast period below the slow one. */
    record Constraint(String field, Predicate<Params> holds, Function<Params, String> message) {
    }

    static final class Builder {
        private final String name;
        private final String description;
        private final List<String> aliases = new ArrayList<>();
        private final List<IndicatorParameter> parameters = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>(List.of("value"));
        private final List<Constraint> constraints = new ArrayList<>();
        private String warmup;
        private ToIntFunction<Params> warmupBars;
        private Binder binder;

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        Builder aliases(String... names) {
            aliases.addAll(List.of(names));
            return this;
        }

        Builder param(IndicatorParameter parameter) {
            parameters.add(parameter);
            return this;
        }

        Builder intParam(String parameterName, int defaultValue, int min, int max, String text) {
            return param(IndicatorParameter.integer(parameterName, defaultValue, min, max, text));
        }

        Builder doubleParam(String parameterName, double defaultValue, double min, double max, String text) {
            return param(IndicatorParameter.decimal(parameterName, defaultValue, min, max, text));
        }

        Builder outputs(String... names) {
            outputs.clear();
            outputs.addAll(List.of(names));
            return this;
        }

        Builder warmup(String formula, ToIntFunction<Params> bars) {
            this.warmup = formula;
            this.warmupBars = bars;
            return this;
        }

        /** {@code smaller} must be below {@code larger}. */
        Builder below(String smaller, String larger) {
            constraints.add(new Constraint(smaller, params -> params.decimal(smaller) < params.decimal(larger),
                    params -> smaller + " (" + IndicatorParameter.format(params.decimal(smaller)) + ") must be below "
                            + larger + " (" + IndicatorParameter.format(params.decimal(larger)) + ")"));
            return this;
        }

        /** {@code smaller} must not exceed {@code larger}. */
        Builder atMost(String smaller, String larger) {
            constraints.add(new Constraint(smaller, params -> params.decimal(smaller) <= params.decimal(larger),
                    params -> smaller + " (" + IndicatorParameter.format(params.decimal(smaller))
                            + ") must not exceed " + larger + " (" + IndicatorParameter.format(params.decimal(larger))
                            + ")"));
            return this;
        }

        IndicatorDefinition bind(Binder lines) {
            this.binder = lines;
            return new IndicatorDefinition(this);
        }
    }
}
