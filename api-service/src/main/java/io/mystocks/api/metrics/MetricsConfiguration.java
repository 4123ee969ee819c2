package io.mystocks.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP request timer; Boot's own request observation is switched off in application.yml. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    HttpMetricsFilter httpMetricsFilter(MeterRegistry registry) {
        return new HttpMetricsFilter(registry);
    }
}
