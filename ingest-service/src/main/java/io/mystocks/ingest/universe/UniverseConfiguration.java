package io.mystocks.ingest.universe;

import io.mystocks.contracts.Market;
import io.mystocks.ingest.kafka.RecordSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UniverseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(UniverseConfiguration.class);

    /** Loaded while the context starts, so that a bad row stops the service before it publishes anything. */
    @Bean
    Universe universe(UniverseProperties settings) {
        Universe universe = UniverseLoader.load(settings.extraFiles());
        log.info("Universe of {} symbols ({} CN, {} US) from {} and {} extra file(s) {}", universe.size(),
                universe.count(Market.CN), universe.count(Market.US), UniverseLoader.BUNDLED,
                settings.extraFiles().size(), settings.extraFiles());
        return universe;
    }

    @Bean
    ReferenceDataPublisher referenceDataPublisher(Universe universe, RecordSender sender) {
        return new ReferenceDataPublisher(universe, sender);
    }
}
