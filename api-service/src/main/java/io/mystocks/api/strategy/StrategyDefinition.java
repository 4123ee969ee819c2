package io.mystocks.api.strategy;

import java.util.List;

/**
 * A strategy clients may run.
 *
 * @param kind   {@code screen} (scores the symbol universe) or {@code backtest}
 * @param params its parameters, in the order they are documented
 */
record StrategyDefinition(String id, String name, String kind, String description, List<ParamSpec> params) {
    StrategyDefinition {
        params = List.copyOf(params);
    }

    ParamSpec param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    List<String> paramNames() {
        return params.stream().map(ParamSpec::name).toList();
    }
}
