package io.mystocks.ta;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An indicator's value at one bar.
 *
 * @param time    the bar's open time
 * @param outputs the outputs by name; empty until the instance is ready, and an output whose value is
 *                undefined at this bar (a division by a zero range) is left out; never NaN or infinite
 * @param ready   the bars up to this one reach the instance's warm-up
 */
public record IndicatorPoint(Instant time, Map<String, Double> outputs, boolean ready) {
    public IndicatorPoint {
        Objects.requireNonNull(time, "time");
        outputs = Map.copyOf(outputs);
    }
}
