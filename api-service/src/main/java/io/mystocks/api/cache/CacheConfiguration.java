package io.mystocks.api.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The response caches, over the shared level when one is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfiguration {

    @Bean
    ResponseCaches responseCaches(CacheProperties properties, ObjectProvider<SharedCache> shared, Clock clock,
                                  ObjectProvider<MeterRegistry> registry) {
        return new ResponseCaches(properties, shared.getIfAvailable(), clock, registry.getIfAvailable());
    }
}
