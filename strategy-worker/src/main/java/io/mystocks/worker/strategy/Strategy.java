package io.mystocks.worker.strategy;

import java.util.Map;

/**
 * A strategy that jobs can name by its id. Running one is split in two: {@link #plan} checks the
 * parameters before the job is marked running, so that a bad request fails at once and is never
 * retried; the returned {@link StrategyRun} does the work.
 */
public interface Strategy {

    /** The id clients pass as {@code strategy_id}, such as {@code value}. */
    String id();

    /** The id, kind, description and parameter schema, as the strategy list shows them. */
    StrategyDescriptor descriptor();

    /**
     * Binds the job's parameters.
     *
     * @throws InvalidParamsException naming the bad parameter and what is accepted
     */
    StrategyRun plan(Map<String, Object> params);
}
