package io.mystocks.ingest.backfill;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The history backfill: synthetic bars written once to {@code market.bars.backfill}, so that backtests and
 * indicators have data on the first start.
 *
 * @param enabled      whether to backfill at all
 * @param years        years of daily bars per symbol, ending with the trading day before today (market-local)
 * @param minuteDays   trading days of 1-minute bars per symbol, the most recent ones; 0 for none
 * @param seed         seed of the price paths: the same seed and start day give the same bars
 * @param symbols      the symbols to backfill; empty means the whole universe
 * @param journal      the file that records the plan and every symbol written, so that a restart writes
 *                     nothing twice; keep it on a persistent disk
 * @param writeTimeout how long the bars of one symbol may take to be acknowledged before the attempt fails
 *                     and is retried
 * @param maxBarsPerSecond the pace of the writes, 0 for as fast as Kafka takes them; below what the Streams
 *                     application merges, live quotes are not held up behind the history
 */
@Validated
@ConfigurationProperties("mystocks.backfill")
public record BackfillProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") @Min(1) @Max(30) int years,
        @DefaultValue("5") @Min(0) @Max(30) int minuteDays,
        @DefaultValue("42") long seed,
        @DefaultValue List<String> symbols,
        @DefaultValue("./data/ingest-service/backfill-journal.jsonl") @NotNull Path journal,
        @DefaultValue("150s") @NotNull Duration writeTimeout,
        @DefaultValue("4000") @PositiveOrZero double maxBarsPerSecond) {

    public BackfillProperties {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        if (writeTimeout != null && (writeTimeout.isZero() || writeTimeout.isNegative())) {
            throw new IllegalArgumentException("mystocks.backfill.write-timeout must be positive, was "
                    + writeTimeout);
        }
    }
}
