package io.mystocks.contracts;

import java.util.Map;
import java.util.Objects;

/**
 * The value of one indicator at one bar, with its warm-up state.
 *
 * @param outputs       the indicator's outputs by name ({@code value} for single-output indicators;
 *                      {@code macd}, {@code signal}, {@code histogram} for MACD, and so on);
 *                      absent until the indicator has a stable value (JSON has no NaN)
 * @param warmupBars    how many bars the indicator needs before its values are stable
 * @param barsAvailable how many bars it had
 * @param ready         {@code barsAvailable >= warmupBars}: earlier values must not be read as signals
 */
public record IndicatorValue(Map<String, Double> outputs, int warmupBars, int barsAvailable, boolean ready) {
    public IndicatorValue {
        outputs = Map.copyOf(Objects.requireNonNull(outputs, "outputs"));
    }

    public static IndicatorValue of(Map<String, Double> outputs, int warmupBars, int barsAvailable) {
        return new IndicatorValue(outputs, warmupBars, barsAvailable, barsAvailable >= warmupBars);
    }
}
