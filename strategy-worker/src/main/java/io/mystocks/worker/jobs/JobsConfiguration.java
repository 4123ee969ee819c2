package io.mystocks.worker.jobs;

import io.mystocks.worker.kafka.KafkaClientProperties;
import io.mystocks.worker.market.MarketData;
import io.mystocks.worker.strategy.StrategyCatalog;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job consumer, the processor it drives and the producer of job outputs. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean(destroyMethod = "close")
    KafkaJobOutputs jobOutputs(KafkaClientProperties kafka, JobsProperties jobs) {
        return new KafkaJobOutputs(kafka.clientConfig("strategy-worker-outputs"), jobs);
    }

    @Bean(destroyMethod = "close")
    JobProcessor jobProcessor(StrategyCatalog catalog, MarketData market, JobStore store, KafkaJobOutputs outputs,
                              JobsProperties jobs, Clock clock) {
        String workerId = jobs.workerId() != null ? jobs.workerId() : WorkerId.current();
        return new JobProcessor(catalog, market, store, outputs, jobs, clock, workerId);
    }

    @Bean
    JobConsumer jobConsumer(KafkaClientProperties kafka, JobProcessor processor, JobsProperties jobs) {
        return new JobConsumer(kafka.clientConfig("strategy-worker-jobs"), processor, jobs);
    }
}
