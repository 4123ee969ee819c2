package io.mystocks.api.health;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health report, its background probes and the actuator's view of it. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    KafkaProbe kafkaProbe(KafkaProperties kafka, HealthProperties properties) {
        return new KafkaProbe(kafka.buildAdminProperties(), properties.probeTimeout());
    }

    @Bean
    DependencyMonitor dependencyMonitor(List<PeriodicProbe> probes, HealthProperties properties) {
        return new DependencyMonitor(probes, properties);
    }

    @Bean
    HealthReporter healthReporter(List<DependencyCheck> checks, ServiceProperties service, Clock clock) {
        return new HealthReporter(checks, service, clock);
    }

    @Bean
    DependencyHealthIndicator dependenciesHealthIndicator(HealthReporter reporter) {
        return new DependencyHealthIndicator(reporter);
    }
}
