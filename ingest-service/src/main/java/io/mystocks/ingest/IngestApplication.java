package io.mystocks.ingest;

import io.mystocks.contracts.ParentWatch;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Turns every market feed into validated quotes on {@code market.quotes}, and publishes reference data. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    public static void main(String[] args) {
        ParentWatch.startIfRequested();
        SpringApplication.run(IngestApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
