package io.mystocks.api.strategy;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The job queue and the results rebuild as meters; each reads a field, so a scrape costs nothing here. */
final class JobMetrics implements MeterBinder {
    private final QueueDepth depth;
    private final ResultsRebuilder rebuilder;
    private final long maxQueueDepth;

    JobMetrics(QueueDepth depth, ResultsRebuilder rebuilder, JobProperties properties) {
        this.depth = depth;
        this.rebuilder = rebuilder;
        this.maxQueueDepth = properties.maxQueueDepth();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("mystocks.jobs.queue_depth", depth, d -> d.current().isPresent() ? d.current().getAsLong()
                        : Double.NaN)
                .description("jobs on strategy.jobs not yet finished by the workers (NaN while unknown)")
                .register(registry);
        Gauge.builder("mystocks.jobs.queue_depth_limit", () -> maxQueueDepth)
                .description("the depth from which submissions get 503").register(registry);
        Gauge.builder("mystocks.jobs.results_rebuilding", rebuilder, r -> r.isRebuilding() ? 1 : 0)
                .description("1 while this replica rebuilds job results from strategy.results").register(registry);
        FunctionCounter.builder("mystocks.jobs.results_restored", rebuilder, ResultsRebuilder::restored)
                .description("job states this replica wrote back to Redis from strategy.results").register(registry);
    }
}
