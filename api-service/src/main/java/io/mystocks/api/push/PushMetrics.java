package io.mystocks.api.push;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The push layer as meters; read at scrape time from the hub's own counters. */
final class PushMetrics implements MeterBinder {
    private final PushHub hub;

    PushMetrics(PushHub hub) {
        this.hub = hub;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Subscriber.Transport transport : Subscriber.Transport.values()) {
            String name = transport == Subscriber.Transport.SSE ? "sse" : "websocket";
            Gauge.builder("mystocks.push.connections", hub, h -> h.connections(transport)).tag("transport", name)
                    .description("open realtime connections").register(registry);
            Gauge.builder("mystocks.push.subscriptions", hub, h -> h.subscriptions(transport))
                    .tag("transport", name).description("streams subscribed to, over all connections")
                    .register(registry);
        }
        FunctionCounter.builder("mystocks.push.published", hub, h -> h.published().total())
                .description("records published to the hub").register(registry);
        FunctionCounter.builder("mystocks.push.delivered", hub, h -> h.delivered().total())
                .description("events sent to subscribers").register(registry);
        FunctionCounter.builder("mystocks.push.skipped", hub, PushHub::conflated)
                .description("events replaced by newer ones before a slow subscriber took them").register(registry);
        FunctionCounter.builder("mystocks.push.disconnected_slow", hub, PushHub::disconnectedSlow)
                .description("subscribers disconnected for not taking events").register(registry);
        Gauge.builder("mystocks.push.retained", hub, h -> h.retention().bytes()).baseUnit("bytes")
                .description("event data kept for resuming clients").register(registry);
    }
}
