package io.mystocks.worker.strategy;

import io.mystocks.worker.market.MarketSnapshot;

/** A strategy bound to its parameters, ready to run. */
@FunctionalInterface
public interface StrategyRun {

    /**
     * Runs the strategy over a snapshot of the market. It may be run again after it failed, and may be
     * cancelled by interrupting its thread.
     *
     * @return the result document, serialisable with the shared JSON mapper
     */
    Object execute(MarketSnapshot market, Progress progress);
}
