package io.mystocks.ta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

/**
 * Output maps that agree to rounding. ta4j's own averages (used by HMA, AO, VWMA, VWAP) may sum a window
 * anew or step from the previous value, depending on what is cached, which moves the last bits.
 */
final class Close {
    private static final double RELATIVE = 1e-9;

    private Close() {
    }

    static void assertOutputs(Map<String, Double> actual, Map<String, Double> expected, String description) {
        assertThat(actual.keySet()).as(description).isEqualTo(expected.keySet());
        expected.forEach((name, value) -> assertThat(actual.get(name)).as("%s %s", description, name)
                .isCloseTo(value, within(RELATIVE * Math.max(1, Math.abs(value)))));
    }
}
