package io.mystocks.api.market;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the market endpoints.
 *
 * @param batchMaxSymbols the most distinct symbols one {@code batch-realtime} request may name
 */
@Validated
@ConfigurationProperties("mystocks.market")
record MarketApiProperties(@DefaultValue("50") @Min(1) @Max(1000) int batchMaxSymbols) {
}
