package io.mystocks.api.strategy;

import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Strategy jobs: the catalog, the Kafka queue and the service tying them to the state store. */
@Configuration(proxyBeanMethods = false)
class StrategyConfiguration {

    @Bean
    StrategyCatalog strategyCatalog() {
        return StrategyCatalog.standard();
    }

    @Bean
    KafkaJobQueue kafkaJobQueue(KafkaProperties kafka, JobProperties properties) {
        return new KafkaJobQueue(kafka.buildProducerProperties(), properties);
    }

    @Bean
    JobService jobService(JobQueue queue, JobStateStore store, StrategyCatalog catalog, Clock clock,
                          JobProperties properties) {
        return new JobService(queue, store, catalog, clock, properties.retention());
    }
}
