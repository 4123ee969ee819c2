package io.mystocks.api.web;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Hooks;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP plumbing every endpoint relies on: envelopes, request ids, security headers, CORS, body
 * limit, CSRF and the error handler. Filters run in that order, the request id first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HttpProperties.class, CsrfProperties.class})
public class WebConfiguration {

    public WebConfiguration() {
        // Restores the request id into the MDC on whichever thread continues a request (Kafka and
        // Redis callbacks included); idempotent, so every context may call it.
        Hooks.enableAutomaticContextPropagation();
    }

    @Bean
    Envelopes envelopes(Clock clock) {
        return new Envelopes(clock);
    }

    @Bean
    CsrfTokens csrfTokens(CsrfProperties properties, Clock clock) {
        return new CsrfTokens(properties, clock);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    SecurityHeadersFilter securityHeadersFilter(HttpProperties properties) {
        return new SecurityHeadersFilter(properties);
    }

    @Bean
    CorsFilter corsFilter(HttpProperties properties) {
        return new CorsFilter(properties);
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(HttpProperties properties) {
        return new BodySizeLimitFilter(properties);
    }

    @Bean
    CsrfFilter csrfFilter(CsrfTokens tokens) {
        return new CsrfFilter(tokens);
    }

    @Bean
    ApiErrorHandler apiErrorHandler(HttpProperties properties, Envelopes envelopes, JsonMapper mapper) {
        return new ApiErrorHandler(new ErrorTranslator(properties.maxBodySize().toBytes()), envelopes, mapper);
    }
}
