package io.mystocks.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP request timers; Boot's own request observation is switched off in application.yml. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    HttpTimers httpTimers(MeterRegistry registry) {
        return new HttpTimers(registry);
    }

    @Bean
    HttpMetricsFilter httpMetricsFilter(HttpTimers timers) {
        return new HttpMetricsFilter(timers);
    }
}
