package io.mystocks.worker.backtest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How backtests run.
 *
 * @param seriesCacheSize how many price series (one per symbol, interval and data version) are kept between
 *                        jobs, the least recently used dropped first; each takes about 300 bytes a bar, 1.5 MB
 *                        for 5,000 bars, so the default holds at most about 48 MB; 0 builds them for every job
 */
@Validated
@ConfigurationProperties("mystocks.backtest")
record BacktestProperties(@DefaultValue("32") @Min(0) @Max(10_000) int seriesCacheSize) {
}
