package io.mystocks.ingest.publish;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How quotes are admitted to {@code market.quotes}.
 *
 * @param maxFutureSkew   how far ahead of this service's clock a quote's timestamp may be; a feed's clock
 *                        drifts a little, a timestamp further ahead is a bug in the feed
 * @param summaryInterval how often the accepted, rejected and failed counts are logged
 */
@Validated
@ConfigurationProperties("mystocks.publish")
public record PublishProperties(
        @DefaultValue("5s") @NotNull Duration maxFutureSkew,
        @DefaultValue("60s") @NotNull Duration summaryInterval) {

    public PublishProperties {
        if (maxFutureSkew != null && maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("mystocks.publish.max-future-skew must not be negative, was "
                    + maxFutureSkew);
        }
        if (summaryInterval != null && (summaryInterval.isZero() || summaryInterval.isNegative())) {
            throw new IllegalArgumentException("mystocks.publish.summary-interval must be positive, was "
                    + summaryInterval);
        }
    }
}
