package io.mystocks.indicators;

import io.mystocks.contracts.ParentWatch;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The indicator streams service: Kafka Streams turning quotes into bars, indicators and latest quotes. */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class IndicatorStreamsApplication {
    public static void main(String[] args) {
        ParentWatch.startIfRequested();
        SpringApplication.run(IndicatorStreamsApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
