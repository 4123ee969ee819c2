package io.mystocks.worker.market;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the market read model keeps.
 *
 * @param barHistory how many closed bars it keeps per symbol and interval (1d, 1w, 1M), the most recent;
 *                   5,000 daily bars are about twenty years
 */
@Validated
@ConfigurationProperties("mystocks.market")
record MarketProperties(@DefaultValue("5000") @Min(100) @Max(100_000) int barHistory) {
}
