package io.mystocks.api.market;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/** The read model's figures as meters; every one reads a field, so a scrape costs nothing here. */
final class MarketMetrics implements MeterBinder {
    private static final List<String> KINDS = List.of("quotes", "instruments", "fundamentals",
            "indicator_snapshots", "bar_series", "bars");

    private final MarketStore store;
    private final MarketFeed feed;

    MarketMetrics(MarketStore store, MarketFeed feed) {
        this.store = store;
        this.feed = feed;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("mystocks.read_model.lag", feed, MarketFeed::lag).baseUnit("records")
                .description("records on the market topics not yet read by this replica").register(registry);
        Gauge.builder("mystocks.read_model.ready", store, s -> s.isReady() ? 1 : 0)
                .description("1 once the read model has caught up with Kafka").register(registry);
        FunctionCounter.builder("mystocks.read_model.applied", feed, MarketFeed::applied).baseUnit("records")
                .description("records applied to the read model").register(registry);
        FunctionCounter.builder("mystocks.read_model.skipped", feed, MarketFeed::skipped).baseUnit("records")
                .description("unreadable records skipped").register(registry);
        for (String kind : KINDS) {
            Gauge.builder("mystocks.read_model.entries", store, s -> number(s.figures().get(kind)))
                    .tag("kind", kind).description("entries held in memory").register(registry);
        }
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
