package io.mystocks.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;

/** Request timers over a registry of the test's own. */
public final class TestTimers {

    private TestTimers() {
    }

    public static HttpTimers of(MeterRegistry registry) {
        return new HttpTimers(registry);
    }
}
