package io.mystocks.api.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Per-client rate limiting, on unless {@code mystocks.rate-limit.enabled} is false. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "mystocks.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    TokenBuckets tokenBuckets(RateLimitProperties properties, Clock clock, MeterRegistry registry) {
        TokenBuckets buckets = new TokenBuckets(properties.requestsPerSecond(), properties.burst(),
                properties.maxClients(), properties.idleExpiry(), clock);
        Gauge.builder("mystocks.rate_limit.clients", buckets, TokenBuckets::trackedClients)
                .description("clients with a token bucket on this replica").register(registry);
        return buckets;
    }

    @Bean
    ClientLimits clientLimits(TokenBuckets buckets, RateLimitProperties properties, MeterRegistry registry) {
        Counter rejected = Counter.builder("mystocks.rate_limit.rejected")
                .description("requests answered 429 by this replica").register(registry);
        return new ClientLimits(buckets, properties, rejected);
    }

    @Bean
    RateLimitFilter rateLimitFilter(ClientLimits limits) {
        return new RateLimitFilter(limits);
    }
}
