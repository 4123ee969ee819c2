package io.mystocks.worker.backtest;

import io.mystocks.contracts.Interval;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a backtest needs besides the bars.
 *
 * @param strategyId   the strategy's id, for the result and the inputs hash
 * @param params       the applied parameters, for the result and the inputs hash
 * @param rules        builds the entry and exit rules over each symbol's bars
 * @param interval     the bars' interval; sets the periods per year of the statistics
 * @param riskFreeRate annual rate for Sharpe and Sortino, as a fraction
 */
public record BacktestSpec(String strategyId, Map<String, Object> params, RuleFactory rules, Interval interval,
                           BigDecimal initialCapital, Costs costs, double riskFreeRate) {
    public BacktestSpec {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(costs, "costs");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        if (initialCapital.signum() <= 0) {
            throw new IllegalArgumentException("initialCapital must be positive, not " + initialCapital);
        }
    }

    /** Periods per year of the interval: 252 trading days, 52 weeks, 12 months. */
    public int periodsPerYear() {
        return switch (interval) {
            case W1 -> 52;
            case MN1 -> 12;
            default -> 252;
        };
    }
}
