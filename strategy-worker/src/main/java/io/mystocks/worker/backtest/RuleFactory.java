package io.mystocks.worker.backtest;

import org.ta4j.core.BarSeries;

/** Builds a strategy's rules over one symbol's bar series. */
@FunctionalInterface
public interface RuleFactory {

    TradingRules rules(BarSeries series);
}
