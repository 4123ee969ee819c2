package io.mystocks.api;

import io.mystocks.contracts.ParentWatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The MyStocks HTTP API: market reads from an in-memory read model fed by Kafka, strategy jobs onto
 * {@code strategy.jobs}, job state from Redis.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiApplication {

    public static void main(String[] args) {
        ParentWatch.startIfRequested();
        SpringApplication.run(ApiApplication.class, args);
    }
}
