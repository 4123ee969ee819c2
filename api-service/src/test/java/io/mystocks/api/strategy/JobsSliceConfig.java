package io.mystocks.api.strategy;

import io.mystocks.api.MutableClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The strategy package's services over {@link InMemoryJobs}, for the controllers' slice tests. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobProperties.class)
class JobsSliceConfig {

    @Bean
    InMemoryJobs inMemoryJobs() {
        return new InMemoryJobs();
    }

    @Bean
    StrategyCatalog strategyCatalog() {
        return StrategyCatalog.standard();
    }

    @Bean
    JobSubmitter jobSubmitter(InMemoryJobs jobs, MutableClock clock, JobProperties properties) {
        return new JobSubmitter(jobs, jobs, jobs, jobs, jobs, clock, properties);
    }

    @Bean
    JobService jobService(InMemoryJobs jobs, StrategyCatalog catalog, MutableClock clock, JobProperties properties) {
        return new JobService(jobs, jobs, jobs, catalog, clock, properties.retention());
    }

    @Bean
    JobEvents jobEvents(JobService jobs, InMemoryJobs store, JobProperties properties) {
        return new JobEvents(jobs, store, properties);
    }
}
