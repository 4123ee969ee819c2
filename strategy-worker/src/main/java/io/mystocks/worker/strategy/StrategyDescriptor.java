package io.mystocks.worker.strategy;

import java.util.List;
import java.util.Objects;

/**
 * What a client needs to know to submit a strategy: the entry of {@code GET /api/strategies}.
 * The field names of the old service's strategy list ({@code strategy_id}, {@code strategy_name},
 * {@code tags}) are kept; {@code parameters} is a list of typed {@link ParamSpec}s instead of a map of
 * example values.
 *
 * @param kind {@code screen} or {@code backtest}
 */
public record StrategyDescriptor(String strategyId, String strategyName, String kind, String description,
                                 List<ParamSpec> parameters, List<String> tags) {
    public StrategyDescriptor {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(kind, "kind");
        parameters = List.copyOf(parameters);
        tags = List.copyOf(tags);
    }

    /** The parameter named {@code name}. */
    public ParamSpec parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(strategyId + " has no parameter " + name));
    }
}
