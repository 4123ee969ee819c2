package io.mystocks.worker.backtest;

import io.mystocks.worker.strategy.InvalidParamsException;
import io.mystocks.worker.strategy.ParamSpec;
import io.mystocks.worker.strategy.ParamValues;
import java.math.BigDecimal;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.averages.WildersMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * The trading rules backtests can run, with their own parameters. Each builds its entry and exit rules
 * from ta4j indicators on closing prices (highs and lows for Donchian and KDJ) and says how many bars
 * its indicators need before a signal means anything.
 */
enum RuleBook {
    MA_CROSS("ma_cross", "Moving-average cross",
            "Long when the fast simple moving average of the close crosses above the slow one; flat when it"
                    + " crosses below.",
            List.of("trend"),
            List.of(ParamSpec.integer("fast", 5, 1, 250, "bars in the fast simple moving average"),
                    ParamSpec.integer("slow", 20, 2, 500, "bars in the slow simple moving average"))) {
        @Override
        void check(ParamValues params) {
            fasterThanSlow(params);
        }

        @Override
        int warmUp(ParamValues params) {
            return params.integer("slow");
        }

        @Override
        TradingRules rules(BarSeries series, ParamValues params) {
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            SMAIndicator fast = new SMAIndicator(close, params.integer("fast"));
            SMAIndicator slow = new SMAIndicator(close, params.integer("slow"));
            return new TradingRules(new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow),
                    warmUp(params));
        }
    },
    EMA_CROSS("ema_cross", "Exponential moving-average cross",
            "Long when the fast exponential moving average of the close crosses above the slow one; flat when"
                    + " it crosses below.",
            List.of("trend"),
            List.of(ParamSpec.integer("fast", 12, 1, 250, "bars in the fast exponential moving average"),
                    ParamSpec.integer("slow", 26, 2, 500, "bars in the slow exponential moving average"))) {
        @Override
        void check(ParamValues params) {
            fasterThanSlow(params);
        }

        @Override
        int warmUp(ParamValues params) {
            return params.integer("slow") + 1;
        }

        @Override
        TradingRules rules(BarSeries series, ParamValues params) {
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            EMAIndicator fast = new EMAIndicator(close, params.integer("fast"));
            EMAIndicator slow = new EMAIndicator(close, params.integer("slow"));
            return new TradingRules(new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow),
                    warmUp(params));
        }
    },
    MACD_CROSS("macd_cross", "MACD signal cross",
            "Long when the MACD line (fast EMA minus slow EMA of the close) crosses above its signal line (an"
                    + " EMA of the MACD); flat when it crosses below.",
            List.of("trend", "momentum"),
            List.of(ParamSpec.integer("fast", 12, 1, 250, "bars in the fast EMA"),
                    ParamSpec.integer("slow", 26, 2, 500, "bars in the slow EMA"),
                    ParamSpec.integer("signal", 9, 1, 100, "bars in the EMA of the MACD line"))) {
        @Override
        void check(ParamValues params) {
            fasterThanSlow(params);
        }

        @Override
        int warmUp(ParamValues params) {
            return params.integer("slow") + params.integer("signal") + 1;
        }

        @Override
        TradingRules rules(BarSeries series, ParamValues params) {
            MACDIndicator macd = new MACDIndicator(new ClosePriceIndicator(series), params.integer("fast"),
                    params.integer("slow"));
            EMAIndicator signal = macd.getSignalLine(params.integer("signal"));
            return new TradingRules(new CrossedUpIndicatorRule(macd, signal),
                    new CrossedDownIndicatorRule(macd, signal), warmUp(params));
        }
    },
    RSI_REVERSION("rsi_reversion", "RSI mean reversion",
            "Long when the RSI of the close is below the oversold level; flat when it is above the overbought"
                    + " level.",
            List.of("mean_reversion", "momentum"),
            List.of(ParamSpec.integer("period", 14, 2, 100, "bars in the RSI"),
                    ParamSpec.number("oversold", "30", "1", "99", "RSI level below which to buy"),
                    ParamSpec.number("overbought", "70", "1", "99", "RSI level above which to sell"))) {
        @Override
        void check(ParamValues params) {
            if (params.decimal("oversold").compareTo(params.decimal("overbought")) >= 0) {
                throw new InvalidParamsException("oversold must be below overbought; got oversold "
                        + params.decimal("oversold") + " and overbought " + params.decimal("overbought"));
            }
        }

        @Override
        int warmUp(ParamValues params) {
            return params.integer("period") + 1;
        }

        @Override
        TradingRules rules(BarSeries series, ParamValues params) {
            RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(series), params.integer("period"));
            return new TradingRules(new UnderIndicatorRule(rsi, num(series, params.decimal("oversold"))),
                    new OverIndicatorRule(rsi, num(series, params.decimal("overbought"))), warmUp(params));
        }
    },
    BOLLINGER_REVERSION("bollinger_reversion", "Bollinger Bands mean reversion",
            "Long when the close falls below the lower band (simple moving average minus k population standard"
                    + " deviations); flat when it rises above the middle band, or the upper band when"
                    + " exit_band is upper.",
            List.of("mean_reversion", "volatility"),
            List.of(ParamSpec.integer("period", 20, 2, 250, "bars in the moving average and standard deviation"),
                    ParamSpec.number("k", "2.0", "0.5", "5", "band width in standard deviations"),
                    ParamSpec.choice("exit_band", "middle", List.of("middle", "upper"),
                            "the band whose crossing closes the position"))) {
        @Override
        int warmUp(ParamValues params) {
            return params.integer("period");
        }

        @Override
        TradingRules rules(BarSeries series, ParamValues params) {
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            int period = params.integer("period");
            Num k = num(series, params.decimal("k"));
            BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
            StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, period);
            Indicator<Num> exitBand = "upper".equals(params.text("exit_band"))
                    ? new BollingerBandsUpperIndicator(middle, deviation, k) : middle;
            Indicator<Num> lower = new BollingerBandsLowerIndicator(middle, deviation, k);
            return new TradingRules(new UnderIndicatorRule(close, lower), new OverIndicatorRule(close, exitBand),
                    warmUp(params));
        }
    },
    DONCHIAN_BREAKOUT("donchian_breakout", "Donchian channel breakout",
            "Long when the close rises above the highest high of the previous entry_period bars; flat when it"
                    + " falls below the lowest low of the previous exit_period bars.",
            List.of("trend", "breakout"),
            List.of(ParamSpec.integer("entry_period", 20, 2, 250, "bars whose highest high a close must beat"),
                    ParamSpec.integer("exit_period", 10, 2, 250, "bars whose lowest low a close must break"))) {
        @Override
        int warmUp(ParamValues params) {
            return Math.max(params.integer("entry_period"), params.integer("exit_period"));
        }

        @Override
        TradingRules rules(BarSeries series, ParamValues params) {
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            Indicator<Num> upper = new PreviousValueIndicator(
                    new HighestValueIndicator(new HighPriceIndicator(series), params.integer("entry_period")), 1);
            Indicator<Num> lower = new PreviousValueIndicator(
                    new LowestValueIndicator(new LowPriceIndicator(series), params.integer("exit_period")), 1);
            return new TradingRules(new OverIndicatorRule(close, upper), new UnderIndicatorRule(close, lower),
                    warmUp(params));
        }
    },
    KDJ_CROSS("kdj_cross", "KDJ cross",
            "Long when K crosses above D, flat when it crosses below. RSV is the close's place in the high-low"
                    + " range of n bars (0-100); K smooths RSV and D smooths K with Wilder's averages over m1 and"
                    + " m2 bars; J = 3K - 2D. With j_buy set a cross buys only while J is below it; with j_sell"
                    + " set a cross sells only while J is above it.",
            List.of("momentum", "oscillator"),
            List.of(ParamSpec.integer("n", 9, 2, 100, "bars in the RSV high-low range"),
                    ParamSpec.integer("m1", 3, 1, 20, "smoothing of K"),
                    ParamSpec.integer("m2", 3, 1, 20, "smoothing of D"),
                    ParamSpec.number("j_buy", null, "-100", "200", "optional: buy only while J is below it"),
                    ParamSpec.number("j_sell", null, "-100", "200", "optional: sell only while J is above it"))) {
        @Override
        int warmUp(ParamValues params) {
            return params.integer("n") + 2 * params.integer("m1") + 2 * params.integer("m2");
        }

        @Override
        TradingRules rules(BarSeries series, ParamValues params) {
            StochasticOscillatorKIndicator rsv = new StochasticOscillatorKIndicator(series, params.integer("n"));
            WildersMAIndicator k = new WildersMAIndicator(rsv, params.integer("m1"));
            WildersMAIndicator d = new WildersMAIndicator(k, params.integer("m2"));
            NumericIndicator j = NumericIndicator.of(k).multipliedBy(3).minus(NumericIndicator.of(d).multipliedBy(2));
            Rule entry = new CrossedUpIndicatorRule(k, d);
            Rule exit = new CrossedDownIndicatorRule(k, d);
            BigDecimal jBuy = params.decimal("j_buy");
            BigDecimal jSell = params.decimal("j_sell");
            if (jBuy != null) {
                entry = entry.and(new UnderIndicatorRule(j, num(series, jBuy)));
            }
            if (jSell != null) {
                exit = exit.and(new OverIndicatorRule(j, num(series, jSell)));
            }
            return new TradingRules(entry, exit, warmUp(params));
        }
    };

    private final String id;
    private final String title;
    private final String description;
    private final List<String> tags;
    private final List<ParamSpec> parameters;

    RuleBook(String id, String title, String description, List<String> tags, List<ParamSpec> parameters) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.tags = tags;
        this.parameters = parameters;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    List<String> tags() {
        return tags;
    }

    /** The parameters of the rule itself, without the ones every backtest takes. */
    List<ParamSpec> parameters() {
        return parameters;
    }

    /**
     * Checks what single parameters cannot say alone.
     *
     * @throws InvalidParamsException naming the parameters
     */
    void check(ParamValues params) {
    }

    /** Index of the first bar whose close is evaluated: every indicator has its look-back by then. */
    abstract int warmUp(ParamValues params);

    abstract TradingRules rules(BarSeries series, ParamValues params);

    private static void fasterThanSlow(ParamValues params) {
        if (params.integer("fast") >= params.integer("slow")) {
            throw new InvalidParamsException("fast must be shorter than slow; got fast " + params.integer("fast")
                    + " and slow " + params.integer("slow"));
        }
    }

    private static Num num(BarSeries series, BigDecimal value) {
        return series.numFactory().numOf(value);
    }
}
