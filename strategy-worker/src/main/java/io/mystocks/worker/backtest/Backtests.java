package io.mystocks.worker.backtest;

import io.mystocks.worker.market.BarSource;
import io.mystocks.worker.market.MarketSnapshot;
import io.mystocks.worker.strategy.Progress;
import io.mystocks.worker.strategy.Strategy;
import io.mystocks.worker.strategy.StrategyDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backtest strategies: {@code ma_cross}, {@code ema_cross}, {@code macd_cross}, {@code rsi_reversion},
 * {@code bollinger_reversion}, {@code donchian_breakout} and {@code kdj_cross}. Each takes its rule's
 * parameters and the common ones (symbols, interval, dates, capital and costs); see their descriptors.
 */
public final class Backtests {
    /** Enough for the few histories a benchmark or a tool runs over. */
    private static final int SERIES_KEPT = 16;
    private static final PriceSeriesCache PRICES = new PriceSeriesCache(SERIES_KEPT);
    private static final List<Strategy> ALL = Arrays.stream(RuleBook.values())
            .map(rule -> (Strategy) new BacktestStrategy(rule, PRICES)).toList();

    private Backtests() {
    }

    /** Every backtest strategy. */
    public static List<Strategy> all() {
        return ALL;
    }

    /** The descriptors of every backtest strategy, as the strategy list shows them. */
    public static List<StrategyDescriptor> descriptors() {
        return ALL.stream().map(Strategy::descriptor).toList();
    }

    public static Optional<Strategy> find(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * Runs a backtest outside a job, exactly as a job would, over bars from {@code bars}; symbols are
     * unlisted, so their market's board lot applies. The price series of bars run before are kept, as a
     * worker keeps them. For benchmarks and tools.
     *
     * @throws IllegalArgumentException for an unknown strategy id
     * @throws io.mystocks.worker.strategy.InvalidParamsException for bad parameters or missing bars
     */
    public static BacktestResult run(String strategyId, Map<String, Object> params, BarSource bars) {
        Strategy strategy = find(strategyId)
                .orElseThrow(() -> new IllegalArgumentException("no backtest strategy " + strategyId));
        MarketSnapshot market = new MarketSnapshot(Map.of(), Map.of(), Map.of(), bars);
        return (BacktestResult) strategy.plan(params).execute(market, Progress.NONE);
    }
}
