package io.mystocks.api.strategy;

import io.mystocks.api.web.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every strategy the API accepts, with its parameter schema. It mirrors what the strategy workers run
 * (their jar carries the same schema as {@code strategies.json}; a test keeps the two equal), so that a
 * job the API accepts is one a worker can run.
 */
final class StrategyCatalog {
    static final String SCREEN = "screen";
    static final String BACKTEST = "backtest";

    private final Map<String, StrategyDefinition> strategies = new LinkedHashMap<>();

    StrategyCatalog(List<StrategyDefinition> definitions) {
        definitions.forEach(d -> strategies.put(d.id(), d));
    }

    /** The screens value, growth, balanced, momentum and low_volatility, then the backtests. */
    static StrategyCatalog standard() {
        List<StrategyDefinition> all = new ArrayList<>(Screens.ALL);
        all.addAll(Backtests.ALL);
        return new StrategyCatalog(all);
    }

    Optional<StrategyDefinition> find(String id) {
        return Optional.ofNullable(id == null ? null : strategies.get(id));
    }

    boolean contains(String id) {
        return strategies.containsKey(id);
    }

    List<String> ids() {
        return List.copyOf(strategies.keySet());
    }

    Collection<StrategyDefinition> all() {
        return strategies.values();
    }

    /** The screening strategies: each scores the symbol universe and returns the best names. */
    private static final class Screens {
        static final List<StrategyDefinition> ALL = List.of(
                screen("value", "Value screen", "Ranks listed stocks on cheapness and quality: P/E 30 %, P/B 25 % "
                        + "(lower is better), dividend yield 20 %, ROE 25 %, each as a percentile rank within the "
                        + "universe.", "fundamentals"),
                screen("growth", "Growth screen", "Ranks listed stocks on growth: revenue growth 35 %, profit "
                        + "growth 40 %, ROE 25 %, each as a percentile rank within the universe.", "fundamentals"),
                screen("balanced", "Balanced screen", "Blends the value score 40 % and the growth score 40 % with "
                        + "the market-cap rank 20 %.", "fundamentals"),
                screen("momentum", "Momentum screen", "Ranks listed stocks on price momentum as of their latest "
                        + "closed daily bar: the return from 252 to 21 trading days ago 40 %, the 6-month return "
                        + "25 %, the 3-month return 15 %, the close against its 200-day average 20 %, each as a "
                        + "percentile rank within the universe; a part without enough bars scores 0.", "technical",
                        "momentum"),
                screen("low_volatility", "Low-volatility screen", "Ranks listed stocks on steadiness as of their "
                        + "latest closed daily bar: annualised volatility of daily log returns over 60 days 30 % and "
                        + "252 days 40 %, maximum drawdown over 252 days 30 % (lower is better), each as a "
                        + "percentile rank within the universe; a part without enough bars scores 0.", "technical",
                        "volatility"));

        private static StrategyDefinition screen(String id, String name, String description, String... tags) {
            List<String> allTags = new ArrayList<>(List.of(SCREEN));
            allTags.addAll(List.of(tags));
            return new StrategyDefinition(id, name, SCREEN, description, allTags, List.of(
                    ParamSpec.integer("top_n", 20, 1, 500, "how many of the best matches to return"),
                    ParamSpec.number("min_score", "60", "0", "100", "the lowest score (0 to 100) that matches")),
                    List.of());
        }
    }

    /** Backtests: a trading rule run over bar history with costs; every one takes the common parameters. */
    private static final class Backtests {
        static final List<ParamSpec> COMMON = List.of(
                ParamSpec.symbols("symbols", List.of("600519"), 1, 20,
                        "symbols to trade; the capital is split equally between them"),
                ParamSpec.choice("interval", "1d", List.of("1d", "1w", "1M"), Map.of("daily", "1d", "weekly", "1w",
                        "monthly", "1M"), "bar interval; daily, weekly and monthly are accepted too"),
                ParamSpec.date("start_date", "first trading day to use; default: the oldest bar held"),
                ParamSpec.date("end_date", "last trading day to use; default: the newest closed bar"),
                ParamSpec.number("initial_capital", "1000000", "1000", "1000000000000",
                        "starting cash, in the symbols' currency"),
                ParamSpec.number("commission", "0.0003", "0", "0.01", "commission rate on the traded value, both "
                        + "sides"),
                ParamSpec.number("min_commission", "0", "0", "1000",
                        "least commission per fill, such as 5 for a CN broker; 0 for none"),
                ParamSpec.number("stamp_tax", null, "0", "0.01",
                        "tax rate on the value sold; default 0.001 for CN symbols and 0 for US symbols"),
                ParamSpec.number("slippage", "0.001", "0", "0.05",
                        "fill price distance from the open, against the trader, as a fraction"),
                ParamSpec.number("risk_free_rate", "0", "0", "0.2", "annual risk-free rate for Sharpe and Sortino"));

        static final List<StrategyDefinition> ALL = List.of(
                backtest("ma_cross", "Moving-average cross", "Long when the fast simple moving average of the close "
                                + "crosses above the slow one; flat when it crosses below.", List.of("trend"),
                        List.of(ParamSpec.integer("fast", 5, 1, 250, "bars in the fast simple moving average"),
                                ParamSpec.integer("slow", 20, 2, 500, "bars in the slow simple moving average")),
                        Backtests::fastBelowSlow),
                backtest("ema_cross", "Exponential moving-average cross", "Long when the fast exponential moving "
                                + "average of the close crosses above the slow one; flat when it crosses below.",
                        List.of("trend"),
                        List.of(ParamSpec.integer("fast", 12, 1, 250, "bars in the fast exponential moving average"),
                                ParamSpec.integer("slow", 26, 2, 500, "bars in the slow exponential moving average")),
                        Backtests::fastBelowSlow),
                backtest("macd_cross", "MACD signal cross", "Long when the MACD line (fast EMA minus slow EMA of the "
                                + "close) crosses above its signal line (an EMA of the MACD); flat when it crosses "
                                + "below.", List.of("trend", "momentum"),
                        List.of(ParamSpec.integer("fast", 12, 1, 250, "bars in the fast EMA"),
                                ParamSpec.integer("slow", 26, 2, 500, "bars in the slow EMA"),
                                ParamSpec.integer("signal", 9, 1, 100, "bars in the EMA of the MACD line")),
                        Backtests::fastBelowSlow),
                backtest("rsi_reversion", "RSI mean reversion", "Long when the RSI of the close is below the oversold "
                                + "level; flat when it is above the overbought level.", List.of("mean_reversion",
                                "momentum"),
                        List.of(ParamSpec.integer("period", 14, 2, 100, "bars in the RSI"),
                                ParamSpec.number("oversold", "30", "1", "99", "RSI level below which to buy"),
                                ParamSpec.number("overbought", "70", "1", "99", "RSI level above which to sell")),
                        Backtests::oversoldBelowOverbought),
                backtest("bollinger_reversion", "Bollinger Bands mean reversion", "Long when the close falls below "
                                + "the lower band (simple moving average minus k population standard deviations); "
                                + "flat when it rises above the middle band, or the upper band when exit_band is "
                                + "upper.", List.of("mean_reversion", "volatility"),
                        List.of(ParamSpec.integer("period", 20, 2, 250, "bars in the moving average and standard "
                                        + "deviation"),
                                ParamSpec.number("k", "2.0", "0.5", "5", "band width in standard deviations"),
                                ParamSpec.choice("exit_band", "middle", List.of("middle", "upper"), Map.of(),
                                        "the band whose crossing closes the position")),
                        null),
                backtest("donchian_breakout", "Donchian channel breakout", "Long when the close rises above the "
                                + "highest high of the previous entry_period bars; flat when it falls below the "
                                + "lowest low of the previous exit_period bars.", List.of("trend", "breakout"),
                        List.of(ParamSpec.integer("entry_period", 20, 2, 250, "bars whose highest high a close must "
                                        + "beat"),
                                ParamSpec.integer("exit_period", 10, 2, 250, "bars whose lowest low a close must "
                                        + "break")),
                        null),
                backtest("kdj_cross", "KDJ cross", "Long when K crosses above D, flat when it crosses below. RSV is "
                                + "the close's place in the high-low range of n bars (0-100); K smooths RSV and D "
                                + "smooths K with Wilder's averages over m1 and m2 bars; J = 3K - 2D. With j_buy set "
                                + "a cross buys only while J is below it; with j_sell set a cross sells only while J "
                                + "is above it.", List.of("momentum", "oscillator"),
                        List.of(ParamSpec.integer("n", 9, 2, 100, "bars in the RSV high-low range"),
                                ParamSpec.integer("m1", 3, 1, 20, "smoothing of K"),
                                ParamSpec.integer("m2", 3, 1, 20, "smoothing of D"),
                                ParamSpec.number("j_buy", null, "-100", "200", "optional: buy only while J is below "
                                        + "it"),
                                ParamSpec.number("j_sell", null, "-100", "200", "optional: sell only while J is "
                                        + "above it")),
                        null));

        private static StrategyDefinition backtest(String id, String name, String description, List<String> tags,
                                                   List<ParamSpec> own, StrategyDefinition.Check check) {
            List<String> allTags = new ArrayList<>(List.of(BACKTEST));
            allTags.addAll(tags);
            List<ParamSpec> params = new ArrayList<>(own);
            params.addAll(COMMON);
            List<StrategyDefinition.Check> checks = new ArrayList<>();
            if (check != null) {
                checks.add(check);
            }
            checks.add(Backtests::startNotAfterEnd);
            return new StrategyDefinition(id, name, BACKTEST, description, allTags, params, checks);
        }

        private static void fastBelowSlow(Map<String, Object> params, List<FieldViolation> violations) {
            int fast = (Integer) params.get("fast");
            int slow = (Integer) params.get("slow");
            if (fast >= slow) {
                violations.add(new FieldViolation("params.fast", "INVALID_RANGE", "params.fast (" + fast
                        + ") must be smaller than params.slow (" + slow + ")"));
            }
        }

        private static void oversoldBelowOverbought(Map<String, Object> params, List<FieldViolation> violations) {
            BigDecimal oversold = (BigDecimal) params.get("oversold");
            BigDecimal overbought = (BigDecimal) params.get("overbought");
            if (oversold.compareTo(overbought) >= 0) {
                violations.add(new FieldViolation("params.oversold", "INVALID_RANGE", "params.oversold ("
                        + oversold.toPlainString() + ") must be below params.overbought ("
                        + overbought.toPlainString() + ")"));
            }
        }

        /** Dates are ISO strings once accepted, so they compare as text. */
        private static void startNotAfterEnd(Map<String, Object> params, List<FieldViolation> violations) {
            Object start = params.get("start_date");
            Object end = params.get("end_date");
            if (start != null && end != null && start.toString().compareTo(end.toString()) > 0) {
                violations.add(new FieldViolation("params.start_date", "INVALID_RANGE", "params.start_date ("
                        + start + ") is after params.end_date (" + end + "); swap them"));
            }
        }
    }
}
