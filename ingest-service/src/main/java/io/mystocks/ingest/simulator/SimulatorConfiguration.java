package io.mystocks.ingest.simulator;

import io.mystocks.ingest.publish.QuotePublisher;
import io.mystocks.ingest.universe.Universe;
import java.time.Clock;
import java.util.SplittableRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean
    SimulatorFeed simulatorFeed(Universe universe, QuotePublisher publisher, SimulatorProperties settings,
                                Clock clock) {
        long seed = settings.seed() != null ? settings.seed() : new SplittableRandom().nextLong();
        QuoteGenerator generator = new QuoteGenerator(universe.symbols(), settings, seed, clock);
        return new SimulatorFeed(generator, publisher, settings, seed);
    }
}
