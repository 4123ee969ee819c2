package io.mystocks.api.market;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-memory read model of the market topics.
 *
 * @param maxBarsPerSeries     bars kept per symbol and interval, the newest ones; also the largest
 *                             {@code limit} a k-line request may ask for
 * @param maxComputedSeries    series whose indicator state is kept between requests, the most recently read
 *                             (about 0.5 MB each at 1,000 bars with the analysis' indicators bound)
 * @param pollTimeout          how long one poll of the topics waits for records
 * @param topicRefreshInterval how often the feed looks for new topics and partitions
 * @param retryBackoff         pause before retrying after Kafka failed
 */
@Validated
@ConfigurationProperties("mystocks.read-model")
record ReadModelProperties(@DefaultValue("1000") @Min(2) @Max(100_000) int maxBarsPerSeries,
                           @DefaultValue("500") @Min(1) @Max(1_000_000) int maxComputedSeries,
                           @DefaultValue("500ms") @NotNull Duration pollTimeout,
                           @DefaultValue("30s") @NotNull Duration topicRefreshInterval,
                           @DefaultValue("2s") @NotNull Duration retryBackoff) {
}
