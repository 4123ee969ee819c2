package io.mystocks.api.web;

import io.mystocks.api.MutableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A mutable clock for web slice tests, starting at a fixed instant. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {
    public static final Instant START = Instant.parse("2026-12-03T10:15:30.123Z");

    @Bean
    public MutableClock clock() {
        return new MutableClock(START);
    }
}
