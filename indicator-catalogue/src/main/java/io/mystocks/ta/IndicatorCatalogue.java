package io.mystocks.ta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every indicator the project computes, by TA-Lib name and by the aliases Chinese-market clients use, looked
 * up without regard to case. The entry point of this module:
 *
 * <pre>{@code
 * IndicatorInstance macd = IndicatorCatalogue.standard().resolve("macd", Map.of("signalperiod", "9"));
 * List<IndicatorPoint> points = macd.series(bars);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class IndicatorCatalogue {
    private static final IndicatorCatalogue STANDARD = new IndicatorCatalogue(all());

    private final List<IndicatorDefinition> definitions;
    private final Map<String, IndicatorDefinition> byName;

    private IndicatorCatalogue(List<IndicatorDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        Map<String, IndicatorDefinition> names = new LinkedHashMap<>();
        for (IndicatorDefinition definition : definitions) {
            register(names, definition.name(), definition);
            definition.aliases().forEach(alias -> register(names, alias, definition));
        }
        this.byName = Map.copyOf(names);
    }

    /** The catalogue of this module. */
    public static IndicatorCatalogue standard() {
        return STANDARD;
    }

    /** Every definition, grouped trend, momentum, volatility, volume. */
    public List<IndicatorDefinition> definitions() {
        return definitions;
    }

    /** The definition of a name or alias, in any case. */
    public Optional<IndicatorDefinition> find(String nameOrAlias) {
        return Optional.ofNullable(byName.get(nameOrAlias.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * The definition of a name or alias, in any case.
     *
     * @throws IndicatorRequestException when there is none; the message lists the valid names
     */
    public IndicatorDefinition definition(String nameOrAlias) {
        return find(nameOrAlias).orElseThrow(() -> new IndicatorRequestException(
                IndicatorRequestException.Reason.UNKNOWN_INDICATOR, "indicator",
                "unknown indicator '" + nameOrAlias + "'; valid names: " + validNames()));
    }

    /**
     * Resolves a request, such as the path and query of {@code /api/indicators/600519/BOLL?timeperiod=26},
     * into a validated instance. Parameter names are TA-Lib's, in any case; left-out parameters take their
     * defaults.
     *
     * @throws IndicatorRequestException for an unknown indicator or parameter, a value that is not a number of
     *                                   the parameter's type, or one outside its bounds
     */
    public IndicatorInstance resolve(String nameOrAlias, Map<String, String> parameters) {
        return definition(nameOrAlias).instance(parameters);
    }

    /** Names and aliases as a message lists them: {@code SMA (MA), EMA, ...}. */
    public String validNames() {
        return definitions.stream()
                .map(definition -> definition.aliases().isEmpty() ? definition.name()
                        : definition.name() + " (" + String.join(", ", definition.aliases()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static void register(Map<String, IndicatorDefinition> names, String name, IndicatorDefinition definition) {
        IndicatorDefinition clash = names.put(name, definition);
        if (clash != null) {
            throw new IllegalStateException(name + " names both " + clash.name() + " and " + definition.name());
        }
    }

    private static List<IndicatorDefinition> all() {
        List<IndicatorDefinition> all = new ArrayList<>();
        all.addAll(Trend.definitions());
        all.addAll(Momentum.definitions());
        all.addAll(Volatility.definitions());
        all.addAll(Volume.definitions());
        return all;
    }
}
