package io.mystocks.api.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import reactor.core.publisher.Hooks;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP plumbing every endpoint relies on: envelopes (written by Jackson, or as bytes around pre-encoded
 * {@link Reply} data), request ids, security headers, CORS, body limit, CSRF and the error handler. Filters
 * run in that order, the request id first.
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
    Replies replies(JsonMapper mapper) {
        return new Replies(mapper);
    }

    @Bean
    ErrorTranslator errorTranslator(HttpProperties properties) {
        return new ErrorTranslator(properties.maxBodySize().toBytes());
    }

    @Bean
    EnvelopeWriter envelopeWriter(Replies replies, Envelopes envelopes, ErrorTranslator translator, JsonMapper mapper,
                                  Clock clock) {
        return new EnvelopeWriter(replies, envelopes, translator, mapper, clock);
    }

    /** Lets controllers return {@link Reply}: Spring writes it with the same envelope bytes as the fast lane. */
    @Bean
    WebFluxConfigurer replyCodec(EnvelopeWriter writer) {
        ReplyWriter replyWriter = new ReplyWriter(writer);
        return new WebFluxConfigurer() {
            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
                configurer.customCodecs().register(replyWriter);
            }
        };
    }

    @Bean
    ConnectionLimit connectionLimit(HttpProperties properties, EnvelopeWriter writer, SecurityHeaders headers,
                                    Clock clock, ObjectProvider<MeterRegistry> registry) {
        ConnectionLimit limit = new ConnectionLimit(properties.maxConnections(), writer, headers, clock);
        registry.ifAvailable(meters -> {
            Gauge.builder("mystocks.http.connections", limit, ConnectionLimit::open)
                    .description("HTTP connections open on this replica").register(meters);
            FunctionCounter.builder("mystocks.http.connections.refused", limit, ConnectionLimit::refused)
                    .description("HTTP connections answered 503 and closed: beyond mystocks.http.max-connections")
                    .register(meters);
        });
        return limit;
    }

    @Bean
    SecurityHeaders securityHeaders(HttpProperties properties) {
        return new SecurityHeaders(properties);
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
    SecurityHeadersFilter securityHeadersFilter(SecurityHeaders headers) {
        return new SecurityHeadersFilter(headers);
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
    ApiErrorHandler apiErrorHandler(ErrorTranslator translator, EnvelopeWriter writer) {
        return new ApiErrorHandler(translator, writer);
    }
}
