package io.mystocks.api.strategy;

import io.mystocks.api.web.FieldViolation;
import java.util.List;
import java.util.Map;

/**
 * A strategy clients may run.
 *
 * @param kind   {@code screen} (scores the symbol universe) or {@code backtest}
 * @param params its parameters, in the order they are documented
 * @param checks rules between parameters, run once every parameter is valid on its own
 */
record StrategyDefinition(String id, String name, String kind, String description, List<String> tags,
                          List<ParamSpec> params, List<Check> checks) {
    StrategyDefinition {
        tags = List.copyOf(tags);
        params = List.copyOf(params);
        checks = List.copyOf(checks);
    }

    ParamSpec param(String name) {
        for (ParamSpec spec : params) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        return null;
    }

    List<String> paramNames() {
        return params.stream().map(ParamSpec::name).toList();
    }

    /** A rule that single parameters cannot express, such as fast below slow. */
    @FunctionalInterface
    interface Check {
        /** Adds a violation when the parameters (defaults applied, optional ones maybe absent) break the rule. */
        void check(Map<String, Object> params, List<FieldViolation> violations);
    }
}
