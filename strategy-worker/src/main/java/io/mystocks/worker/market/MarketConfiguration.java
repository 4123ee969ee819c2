package io.mystocks.worker.market;

import io.mystocks.worker.kafka.KafkaClientProperties;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The market read model and its health: UP once it caught up with the topics. */
@Configuration(proxyBeanMethods = false)
class MarketConfiguration {

    @Bean
    MarketReadModel marketReadModel(KafkaClientProperties kafka, MarketProperties market) {
        return new MarketReadModel(kafka.clientConfig("strategy-worker-market"), market.barHistory());
    }

    @Bean
    HealthIndicator marketDataHealthIndicator(MarketReadModel market) {
        return () -> {
            Map<String, Integer> sizes = market.sizes();
            return market.isReady()
                    ? Health.up().withDetails(sizes).build()
                    : Health.down().withDetail("reason", "still loading the reference and bar topics")
                            .withDetails(sizes).build();
        };
    }
}
