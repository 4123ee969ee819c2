package io.mystocks.ta;

import java.util.List;
import org.ta4j.core.indicators.averages.HMAIndicator;
import org.ta4j.core.indicators.averages.VWMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuKijunSenIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuTenkanSenIndicator;

/** Moving averages and trend indicators. */
final class Trend {
    static final String TIMEPERIOD = "timeperiod";
    static final int MAX_PERIOD = 1000;

    private Trend() {
    }

    static List<IndicatorDefinition> definitions() {
        return List.of(sma(), ema(), wma(), hma(), vwma(), macd(), adx(), directional("PLUS_DI", true),
                directional("MINUS_DI", false), sar(), ichimoku());
    }

    private static IndicatorDefinition sma() {
        return IndicatorDefinition.define("SMA", "Simple moving average of the close")
                .aliases("MA")
                .intParam(TIMEPERIOD, 20, 1, MAX_PERIOD, "bars averaged")
                .warmup(TIMEPERIOD, p -> p.integer(TIMEPERIOD))
                .bind((in, p) -> lines(Windows.sma(in.close(), p.integer(TIMEPERIOD))));
    }

    private static IndicatorDefinition ema() {
        return IndicatorDefinition.define("EMA",
                        "Exponential moving average of the close, k = 2 / (timeperiod + 1), seeded with the SMA of "
                                + "the first timeperiod closes (TA-Lib)")
                .intParam(TIMEPERIOD, 20, 2, MAX_PERIOD, "bars of the average")
                .warmup(TIMEPERIOD, p -> p.integer(TIMEPERIOD))
                .bind((in, p) -> lines(Ema.classic(in.series(), in.close(), p.integer(TIMEPERIOD))));
    }

    private static IndicatorDefinition wma() {
        return IndicatorDefinition.define("WMA", "Linearly weighted moving average of the close (weights 1..n)")
                .intParam(TIMEPERIOD, 20, 2, MAX_PERIOD, "bars averaged")
                .warmup(TIMEPERIOD, p -> p.integer(TIMEPERIOD))
                .bind((in, p) -> {
                    int n = p.integer(TIMEPERIOD);
                    return lines(i -> Windows.weighted(in.close(), i, n));
                });
    }

    private static IndicatorDefinition hma() {
        return IndicatorDefinition.define("HMA",
                        "Hull moving average: WMA(2 WMA(close, n/2) - WMA(close, n), sqrt n), n/2 and sqrt n "
                                + "rounded down (ta4j HMAIndicator)")
                .intParam(TIMEPERIOD, 20, 2, MAX_PERIOD, "bars of the long WMA")
                .warmup("timeperiod + floor(sqrt(timeperiod)) - 1",
                        p -> p.integer(TIMEPERIOD) + (int) Math.sqrt(p.integer(TIMEPERIOD)) - 1)
                .bind((in, p) -> lines(in.of(new HMAIndicator(new ClosePriceIndicator(in.series()),
                        p.integer(TIMEPERIOD)))));
    }

    private static IndicatorDefinition vwma() {
        return IndicatorDefinition.define("VWMA",
                        "Volume-weighted moving average of the close: sum(close x volume) / sum(volume) "
                                + "(ta4j VWMAIndicator)")
                .intParam(TIMEPERIOD, 20, 1, MAX_PERIOD, "bars averaged")
                .warmup(TIMEPERIOD, p -> p.integer(TIMEPERIOD))
                .bind((in, p) -> lines(in.of(new VWMAIndicator(new ClosePriceIndicator(in.series()),
                        p.integer(TIMEPERIOD)))));
    }

    private static IndicatorDefinition macd() {
        return IndicatorDefinition.define("MACD",
                        "Moving average convergence/divergence (TA-Lib): macd = EMA(fast) - EMA(slow), both seeded "
                                + "where the slow one starts; signal = EMA(macd, signalperiod); histogram = macd - "
                                + "signal (Chinese software draws 2 x histogram)")
                .intParam("fastperiod", 12, 2, MAX_PERIOD, "bars of the fast EMA")
                .intParam("slowperiod", 26, 2, MAX_PERIOD, "bars of the slow EMA")
                .intParam("signalperiod", 9, 1, MAX_PERIOD, "bars of the signal EMA")
                .outputs("macd", "signal", "histogram")
                .below("fastperiod", "slowperiod")
                .warmup("slowperiod + signalperiod - 1",
                        p -> p.integer("slowperiod") + p.integer("signalperiod") - 1)
                .bind((in, p) -> {
                    int slow = p.integer("slowperiod");
                    Ema fast = Ema.classicFrom(in.series(), in.close(), p.integer("fastperiod"), slow - 1);
                    Ema slowEma = Ema.classic(in.series(), in.close(), slow);
                    Line macd = i -> fast.at(i) - slowEma.at(i);
                    Ema signal = Ema.classic(in.series(), macd, p.integer("signalperiod"));
                    return lines(macd, signal, i -> macd.at(i) - signal.at(i));
                });
    }

    private static IndicatorDefinition adx() {
        return IndicatorDefinition.define("ADX",
                        "Average directional index with +DI and -DI, Wilder's smoothing as TA-Lib (ADX, PLUS_DI, "
                                + "MINUS_DI); the Chinese DMI without ADXR")
                .aliases("DMI")
                .intParam(TIMEPERIOD, 14, 2, MAX_PERIOD, "bars of Wilder's smoothing")
                .outputs("adx", "plus_di", "minus_di")
                .warmup("2 x timeperiod", p -> 2 * p.integer(TIMEPERIOD))
                .bind((in, p) -> {
                    Directional dmi = new Directional(in, p.integer(TIMEPERIOD));
                    return lines(dmi.adx(), dmi.plus(), dmi.minus());
                });
    }

    private static IndicatorDefinition directional(String name, boolean plus) {
        return IndicatorDefinition.define(name, (plus ? "Plus" : "Minus")
                        + " directional indicator, Wilder's smoothing as TA-Lib")
                .aliases(plus ? "PDI" : "MDI")
                .intParam(TIMEPERIOD, 14, 2, MAX_PERIOD, "bars of Wilder's smoothing")
                .warmup("timeperiod + 1", p -> p.integer(TIMEPERIOD) + 1)
                .bind((in, p) -> {
                    Directional dmi = new Directional(in, p.integer(TIMEPERIOD));
                    return lines(plus ? dmi.plus() : dmi.minus());
                });
    }

    private static IndicatorDefinition sar() {
        return IndicatorDefinition.define("SAR", "Parabolic stop and reverse (Wilder), as TA-Lib")
                .aliases("PSAR")
                .doubleParam("acceleration", 0.02, 0.001, 1, "acceleration factor: start and step")
                .doubleParam("maximum", 0.2, 0.001, 1, "acceleration factor: cap")
                .atMost("acceleration", "maximum")
                .warmup("2", p -> 2)
                .bind((in, p) -> lines(new Sar(in, p.decimal("acceleration"), p.decimal("maximum"))));
    }

    private static IndicatorDefinition ichimoku() {
        return IndicatorDefinition.define("ICHIMOKU",
                        "Ichimoku cloud without look-ahead: tenkan and kijun are midpoints of the high-low range; "
                                + "senkou_a and senkou_b are the cloud in force at the bar, computed displacement bars "
                                + "earlier; chikou is the bar's close, which charts draw displacement bars back")
                .intParam("tenkan", 9, 1, MAX_PERIOD, "bars of the conversion line")
                .intParam("kijun", 26, 1, MAX_PERIOD, "bars of the base line")
                .intParam("senkou", 52, 1, MAX_PERIOD, "bars of leading span B")
                .intParam("displacement", 26, 0, MAX_PERIOD, "bars the cloud is shifted forward")
                .outputs("tenkan", "kijun", "senkou_a", "senkou_b", "chikou")
                .warmup("max(tenkan, kijun, senkou) + displacement",
                        p -> Math.max(p.integer("tenkan"), Math.max(p.integer("kijun"), p.integer("senkou")))
                                + p.integer("displacement"))
                .bind(Trend::ichimokuLines);
    }

    private static Line[] ichimokuLines(Prices in, Params p) {
        Line tenkan = in.of(new IchimokuTenkanSenIndicator(in.series(), p.integer("tenkan")));
        Line kijun = in.of(new IchimokuKijunSenIndicator(in.series(), p.integer("kijun")));
        int senkou = p.integer("senkou");
        int shift = p.integer("displacement");
        Line spanA = i -> (tenkan.at(i - shift) + kijun.at(i - shift)) / 2;
        Line spanB = i -> (Windows.highest(in.high(), i - shift, senkou) + Windows.lowest(in.low(), i - shift, senkou))
                / 2;
        return lines(tenkan, kijun, spanA, spanB, in.close());
    }

    static Line[] lines(Line... lines) {
        return lines;
    }
}
