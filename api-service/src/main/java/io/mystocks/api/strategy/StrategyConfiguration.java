package io.mystocks.api.strategy;

import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strategy jobs: the catalog, the Kafka queue and its depth, submission, lookups and events, and the
 * rebuild of results from Kafka.
 */
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
    KafkaQueueDepth kafkaQueueDepth(KafkaProperties kafka, JobProperties properties, Clock clock) {
        return new KafkaQueueDepth(kafka.buildAdminProperties(), properties, clock);
    }

    @Bean
    ResultsRebuilder resultsRebuilder(KafkaProperties kafka, ResultsStore store, JobProperties properties,
                                      Clock clock) {
        return new ResultsRebuilder(kafka.buildConsumerProperties(), store, properties, clock);
    }

    @Bean
    JobSubmitter jobSubmitter(JobQueue queue, JobStateStore states, IdempotencyStore keys, QueueDepth depth,
                              ResultsRebuild rebuild, Clock clock, JobProperties properties) {
        return new JobSubmitter(queue, states, keys, depth, rebuild, clock, properties);
    }

    @Bean
    JobService jobService(JobStateStore store, JobQueue queue, ResultsRebuild rebuild, StrategyCatalog catalog,
                          Clock clock, JobProperties properties) {
        return new JobService(store, queue, rebuild, catalog, clock, properties.retention());
    }

    @Bean
    JobEvents jobEvents(JobService jobs, JobStateStore store, JobProperties properties) {
        return new JobEvents(jobs, store, properties);
    }

    @Bean
    JobMetrics jobMetrics(QueueDepth depth, ResultsRebuilder rebuilder, JobProperties properties) {
        return new JobMetrics(depth, rebuilder, properties);
    }
}
