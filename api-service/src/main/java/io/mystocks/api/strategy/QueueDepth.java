package io.mystocks.api.strategy;

import java.util.OptionalLong;

/**
 * How many jobs on {@code strategy.jobs} the workers have not finished yet. Read on every submission,
 * so it answers from memory what was measured in the background.
 */
interface QueueDepth {

    /** The last measured depth, or empty while it is unknown (not measured yet, or too long ago). */
    OptionalLong current();
}
