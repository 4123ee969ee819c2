package io.mystocks.api.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the strategy list. */
final class StrategyViews {

    private StrategyViews() {
    }

    static List<StrategyView> of(StrategyCatalog catalog) {
        return catalog.all().stream().map(StrategyViews::strategy).toList();
    }

    private static StrategyView strategy(StrategyDefinition d) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        d.params().stream().filter(p -> p.defaultValue() != null)
                .forEach(p -> defaults.put(p.name(), p.defaultValue()));
        return new StrategyView(d.id(), d.name(), d.kind(), d.description(), d.tags(),
                d.params().stream().map(StrategyViews::param).toList(), d.id(), d.name(), d.kind(),
                Collections.unmodifiableMap(defaults), "active");
    }

    private static ParamView param(ParamSpec spec) {
        return new ParamView(spec.name(), spec.type().schemaType, spec.type().format, spec.defaultValue(), spec.min(),
                spec.max(), spec.allowed().isEmpty() ? null : spec.allowed(), spec.description(), false);
    }

    /**
     * One strategy. The first six fields describe it; {@code strategy_id}, {@code strategy_name},
     * {@code strategy_type}, {@code parameters} (name to default) and {@code status} repeat it in the
     * shape the clients of the former service read.
     *
     * @param kind {@code screen} or {@code backtest}
     */
    record StrategyView(String id, String name, String kind, String description, List<String> tags,
                        List<ParamView> params, String strategyId, String strategyName, String strategyType,
                        Map<String, Object> parameters, String status) {
    }

    /**
     * One parameter, in JSON Schema terms.
     *
     * @param type         {@code integer}, {@code number}, {@code string} or {@code array}
     * @param format       {@code date} for an ISO date string, {@code symbol} for an array of symbols
     * @param defaultValue what applies when the parameter is not sent; absent when unset has its own
     *                     meaning, given in the description
     * @param min          the least value, or the fewest symbols
     * @param max          the greatest value, or the most symbols
     * @param allowed      the accepted strings of a choice
     * @param required     false for every parameter: each has a default or is optional
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParamView(String name, String type, String format, @JsonProperty("default") Object defaultValue,
                     BigDecimal min, BigDecimal max, @JsonProperty("enum") List<String> allowed, String description,
                     boolean required) {
    }
}
