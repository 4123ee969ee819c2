package io.mystocks.api.market;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The market read model, what other features may read of it ({@link MarketReads}), the feed that fills it
 * from Kafka, its health check and meters.
 */
@Configuration(proxyBeanMethods = false)
class MarketConfiguration {

    @Bean
    MarketStore marketStore(ReadModelProperties properties) {
        return new MarketStore(properties.maxBarsPerSeries());
    }

    @Bean
    MarketReads marketReads(MarketStore store, ReadModelProperties properties) {
        return new MarketReads(store, properties.maxBarsPerSeries(),
                new SeriesIndicators(store, properties.maxBarsPerSeries(), properties.maxComputedSeries()));
    }

    @Bean
    MarketFeed marketFeed(MarketStore store, KafkaProperties kafka, ReadModelProperties properties, Clock clock,
                          ObjectProvider<MarketListener> listeners) {
        return new MarketFeed(store, kafka.buildConsumerProperties(), properties, clock,
                listeners.orderedStream().toList());
    }

    @Bean
    MarketMetrics marketMetrics(MarketStore store, MarketFeed feed) {
        return new MarketMetrics(store, feed);
    }

    @Bean
    StoresCheck storesCheck(MarketStore store, MarketFeed feed) {
        return new StoresCheck(store, feed);
    }
}
