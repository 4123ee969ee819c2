package io.mystocks.worker.market;

import java.time.Duration;

/** The reference data, fundamentals and latest quotes that strategies run on. */
public interface MarketData {

    /** Whether the data has caught up with what the topics held when the worker started. */
    boolean isReady();

    /**
     * Waits until the data is ready, at most {@code timeout}.
     *
     * @return whether it is ready
     */
    boolean awaitReady(Duration timeout) throws InterruptedException;

    /** A consistent copy of the current data. */
    MarketSnapshot snapshot();
}
