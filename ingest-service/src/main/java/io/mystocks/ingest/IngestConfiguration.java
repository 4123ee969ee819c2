package io.mystocks.ingest;

import io.mystocks.ingest.backfill.BackfillRunner;
import io.mystocks.ingest.kafka.KafkaHealthIndicator;
import io.mystocks.ingest.kafka.KafkaSettings;
import io.mystocks.ingest.kafka.TopicProvisioner;
import io.mystocks.ingest.publish.PublishProperties;
import io.mystocks.ingest.publish.QuoteMetrics;
import io.mystocks.ingest.replay.ReplayFeed;
import io.mystocks.ingest.simulator.SimulatorFeed;
import io.mystocks.ingest.simulator.SimulatorProperties;
import io.mystocks.ingest.universe.ReferenceDataPublisher;
import io.mystocks.ingest.universe.Universe;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    IngestLifecycle ingestLifecycle(TopicProvisioner topics, ReferenceDataPublisher referenceData,
                                    SimulatorFeed simulator, ReplayFeed replay, BackfillRunner backfill,
                                    KafkaHealthIndicator kafkaHealth, QuoteMetrics metrics,
                                    SimulatorProperties simulatorSettings, KafkaSettings kafkaSettings,
                                    PublishProperties publishSettings) {
        return new IngestLifecycle(topics, referenceData, new IngestLifecycle.Feeds(simulator, replay, backfill),
                kafkaHealth, metrics,
                new IngestLifecycle.Settings(simulatorSettings.enabled(), kafkaSettings.healthInterval(),
                        publishSettings.summaryInterval()));
    }

    /**
     * UP once the topics exist and the reference data is out: only then are quotes accepted. The backfill's
     * progress is a detail, not a condition: live quotes flow while it runs.
     */
    @Bean
    HealthIndicator ingestHealthIndicator(IngestLifecycle lifecycle, Universe universe, SimulatorFeed simulator,
                                          ReplayFeed replay, BackfillRunner backfill) {
        return () -> (lifecycle.ready() ? Health.up() : Health.down().withDetail("reason",
                "creating topics and publishing reference data; see the kafka component"))
                .withDetail("symbols", universe.size())
                .withDetail("simulator", simulator.isRunning() ? "running" : "stopped")
                .withDetail("simulated_quotes", simulator.emitted())
                .withDetail("replay", replay.details())
                .withDetail("backfill", backfill.details())
                .build();
    }
}
