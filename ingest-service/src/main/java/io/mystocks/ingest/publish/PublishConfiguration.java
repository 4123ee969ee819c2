package io.mystocks.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.mystocks.contracts.QuoteValidator;
import io.mystocks.ingest.kafka.RecordSender;
import io.mystocks.ingest.universe.Universe;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    @Bean
    QuoteMetrics quoteMetrics(MeterRegistry registry) {
        return new QuoteMetrics(registry);
    }

    @Bean
    QuotePublisher quotePublisher(Universe universe, RecordSender sender, QuoteMetrics metrics,
                                  PublishProperties settings, Clock clock) {
        QuoteValidator validator = new QuoteValidator(universe::contains, settings.maxFutureSkew(), clock);
        return new QuotePublisher(validator, sender, metrics, clock);
    }
}
