package io.mystocks.ingest.simulator;

import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Market;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The quote simulator: a geometric Brownian motion per symbol with occasional jumps.
 *
 * @param enabled         whether the simulator feeds quotes at all
 * @param rate            quotes per second over the whole universe, spread round-robin across symbols
 * @param seed            seed of the random walks; the same seed and clock give the same quotes. Unset
 *                        means a fresh seed at every start, logged so that a run can be repeated
 * @param mode            {@code always-open} trades around the clock, {@code exchange} only in sessions
 * @param tickInterval    how often the timer emits the quotes due
 * @param tickSize        the price increment every price is rounded to
 * @param jumpProbability chance per quote of a jump
 * @param jumpVolatility  standard deviation of a jump's log return
 * @param markets         drift, volatility and volume per market; a market left out keeps its default
 * @param symbols         drift or volatility of single symbols, over their market's; in YAML a key with a
 *                        dot needs brackets: {@code "[BRK.B]"}
 */
@Validated
@ConfigurationProperties("mystocks.simulator")
public record SimulatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") @Positive double rate,
        Long seed,
        @DefaultValue("always-open") @NotNull SessionMode mode,
        @DefaultValue("100ms") @NotNull Duration tickInterval,
        @DefaultValue("0.01") @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal tickSize,
        @DefaultValue("0.0005") @DecimalMin("0") @DecimalMax("1") double jumpProbability,
        @DefaultValue("0.02") @PositiveOrZero double jumpVolatility,
        Map<Market, @Valid MarketWalk> markets,
        Map<String, @Valid SymbolWalk> symbols) {

    private static final Map<Market, MarketWalk> DEFAULT_MARKETS = Map.of(
            Market.CN, new MarketWalk(0.05, 0.28, 20),
            Market.US, new MarketWalk(0.07, 0.24, 100));

    public SimulatorProperties {
        if (tickInterval != null && (tickInterval.isZero() || tickInterval.isNegative())) {
            throw new IllegalArgumentException("mystocks.simulator.tick-interval must be positive, was "
                    + tickInterval);
        }
        Map<Market, MarketWalk> merged = new EnumMap<>(DEFAULT_MARKETS);
        if (markets != null) {
            merged.putAll(markets);
        }
        markets = Map.copyOf(merged);
        symbols = symbols == null ? Map.of() : Map.copyOf(symbols);
    }

    /** The defaults: enabled, 50 quotes per second, always open, no fixed seed. */
    public static SimulatorProperties defaults() {
        return new SimulatorProperties(true, 50, null, SessionMode.ALWAYS_OPEN, Duration.ofMillis(100),
                new BigDecimal("0.01"), 0.0005, 0.02, null, null);
    }

    /**
     * The walk of one symbol: its own drift and volatility where set, else its market's. The history backfill
     * draws from the same figures, so that history and live quotes look alike.
     */
    public WalkParameters walkOf(Instrument instrument) {
        MarketWalk market = markets.get(instrument.market());
        SymbolWalk symbol = symbols.getOrDefault(instrument.symbol(), new SymbolWalk(null, null));
        double drift = symbol.drift() != null ? symbol.drift() : market.drift();
        double volatility = symbol.volatility() != null ? symbol.volatility() : market.volatility();
        return new WalkParameters(drift, volatility, jumpProbability, jumpVolatility, market.medianLots());
    }

    /**
     * @param drift      annual drift of the log price
     * @param volatility annual volatility of the log price
     * @param medianLots median volume of one quote in board lots
     */
    public record MarketWalk(double drift, @Positive double volatility, @Positive int medianLots) {
    }

    /** Overrides of one symbol; null keeps the market's value. */
    public record SymbolWalk(Double drift, @Positive Double volatility) {
    }
}
