package io.mystocks.worker;

import io.mystocks.contracts.ParentWatch;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The strategy worker: a member of the {@code strategy.jobs} consumer group that runs screens over the
 * symbol universe and writes every job's state to Redis and its terminal state to
 * {@code strategy.results}. Its HTTP port serves only the actuator.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StrategyWorkerApplication {

    public static void main(String[] args) {
        ParentWatch.startIfRequested();
        SpringApplication.run(StrategyWorkerApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
