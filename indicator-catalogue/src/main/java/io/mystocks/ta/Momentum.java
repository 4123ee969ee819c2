package io.mystocks.ta;

import static io.mystocks.ta.Trend.MAX_PERIOD;
import static io.mystocks.ta.Trend.TIMEPERIOD;
import static io.mystocks.ta.Trend.lines;

import java.util.Arrays;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.AwesomeOscillatorIndicator;
import org.ta4j.core.indicators.helpers.MedianPriceIndicator;

/** Oscillators and momentum indicators. */
final class Momentum {
    private static final String FASTK = "fastk_period";
    private static final String SLOWK = "slowk_period";
    private static final String SLOWD = "slowd_period";
    private static final String FASTD = "fastd_period";
    /** Shortest window first. */
    private static final double[] ULTIMATE_WEIGHTS = {4, 2, 1};

    private Momentum() {
    }

    static List<IndicatorDefinition> definitions() {
        return List.of(rsi(), stoch(), kdj(), stochRsi(), cci(), willr(), roc(), mom(), ao(), ultosc(), mfi());
    }

    private static IndicatorDefinition rsi() {
        return IndicatorDefinition.define("RSI",
                        "Relative strength index, Wilder's smoothing seeded with the mean of the first timeperiod "
                                + "changes (TA-Lib)")
                .intParam(TIMEPERIOD, 14, 2, MAX_PERIOD, "bars of Wilder's smoothing")
                .warmup("timeperiod + 1", p -> p.integer(TIMEPERIOD) + 1)
                .bind((in, p) -> lines(rsi(in.series(), in.close(), p.integer(TIMEPERIOD))));
    }

    private static IndicatorDefinition stoch() {
        return IndicatorDefinition.define("STOCH",
                        "Slow stochastic (TA-Lib): fast %K over fastk_period bars (0 when the range is empty), "
                                + "k = SMA(fast %K, slowk_period), d = SMA(k, slowd_period)")
                .intParam(FASTK, 5, 1, MAX_PERIOD, "bars of the high-low range")
                .intParam(SLOWK, 3, 1, MAX_PERIOD, "bars of the SMA that slows %K")
                .intParam(SLOWD, 3, 1, MAX_PERIOD, "bars of the SMA of k")
                .outputs("k", "d")
                .warmup("fastk_period + slowk_period + slowd_period - 2",
                        p -> p.integer(FASTK) + p.integer(SLOWK) + p.integer(SLOWD) - 2)
                .bind((in, p) -> {
                    Line k = Windows.sma(fastK(in, p.integer(FASTK)), p.integer(SLOWK));
                    return lines(k, Windows.sma(k, p.integer(SLOWD)));
                });
    }

    private static IndicatorDefinition kdj() {
        return IndicatorDefinition.define("KDJ",
                        "Chinese stochastic: RSV = fast %K over fastk_period bars (0 when the range is empty); "
                                + "k = SMA(RSV, slowk_period, 1) and d = SMA(k, slowd_period, 1) in the Chinese sense "
                                + "(y = (x + (n - 1) y') / n, weight 1/3 for n = 3), both starting from 50; "
                                + "j = 3k - 2d")
                .intParam(FASTK, 9, 1, MAX_PERIOD, "bars of the high-low range (N)")
                .intParam(SLOWK, 3, 1, MAX_PERIOD, "smoothing of K (M1)")
                .intParam(SLOWD, 3, 1, MAX_PERIOD, "smoothing of D (M2)")
                .outputs("k", "d", "j")
                .warmup(FASTK, p -> p.integer(FASTK))
                .bind((in, p) -> {
                    Ema k = Ema.chinese(in.series(), fastK(in, p.integer(FASTK)), p.integer(SLOWK), 50);
                    Ema d = Ema.chinese(in.series(), k, p.integer(SLOWD), 50);
                    return lines(k, d, i -> 3 * k.at(i) - 2 * d.at(i));
                });
    }

    private static IndicatorDefinition stochRsi() {
        return IndicatorDefinition.define("STOCHRSI",
                        "Stochastic RSI (TA-Lib): k = fast %K of RSI(timeperiod) over fastk_period bars, "
                                + "d = SMA(k, fastd_period); 0 to 100")
                .intParam(TIMEPERIOD, 14, 2, MAX_PERIOD, "bars of the RSI")
                .intParam(FASTK, 5, 1, MAX_PERIOD, "bars of the RSI's range")
                .intParam(FASTD, 3, 1, MAX_PERIOD, "bars of the SMA of k")
                .outputs("k", "d")
                .warmup("timeperiod + fastk_period + fastd_period - 1",
                        p -> p.integer(TIMEPERIOD) + p.integer(FASTK) + p.integer(FASTD) - 1)
                .bind((in, p) -> {
                    Line rsi = rsi(in.series(), in.close(), p.integer(TIMEPERIOD));
                    int n = p.integer(FASTK);
                    Line k = i -> Windows.stochastic(rsi.at(i), Windows.highest(rsi, i, n), Windows.lowest(rsi, i, n));
                    return lines(k, Windows.sma(k, p.integer(FASTD)));
                });
    }

    private static IndicatorDefinition cci() {
        return IndicatorDefinition.define("CCI",
                        "Commodity channel index: (typical - SMA(typical)) / (0.015 x mean absolute deviation); 0 "
                                + "when either is 0 (TA-Lib)")
                .intParam(TIMEPERIOD, 14, 2, MAX_PERIOD, "bars of the average")
                .warmup(TIMEPERIOD, p -> p.integer(TIMEPERIOD))
                .bind((in, p) -> {
                    int n = p.integer(TIMEPERIOD);
                    return lines(i -> cci(in.typical(), i, n));
                });
    }

    private static IndicatorDefinition willr() {
        return IndicatorDefinition.define("WILLR",
                        "Williams' %R: (highest high - close) / (highest high - lowest low) x -100, -100 to 0; "
                                + "0 when the range is empty. The Chinese WR is the same without the minus sign")
                .aliases("WR")
                .intParam(TIMEPERIOD, 14, 1, MAX_PERIOD, "bars of the range")
                .warmup(TIMEPERIOD, p -> p.integer(TIMEPERIOD))
                .bind((in, p) -> {
                    int n = p.integer(TIMEPERIOD);
                    return lines(i -> {
                        double highest = Windows.highest(in.high(), i, n);
                        double range = highest - Windows.lowest(in.low(), i, n);
                        double distance = highest - in.close().at(i);
                        if (Double.isNaN(range + distance)) {
                            return Double.NaN;
                        }
                        return range != 0 ? distance / range * -100 : 0;
                    });
                });
    }

    private static IndicatorDefinition roc() {
        return IndicatorDefinition.define("ROC",
                        "Rate of change in percent: (close / close n bars ago - 1) x 100; 0 when that close is 0")
                .intParam(TIMEPERIOD, 10, 1, MAX_PERIOD, "bars back")
                .warmup("timeperiod + 1", p -> p.integer(TIMEPERIOD) + 1)
                .bind((in, p) -> {
                    int n = p.integer(TIMEPERIOD);
                    return lines(i -> {
                        double before = in.close().at(i - n);
                        double now = in.close().at(i);
                        if (Double.isNaN(before + now)) {
                            return Double.NaN;
                        }
                        return before != 0 ? (now / before - 1) * 100 : 0;
                    });
                });
    }

    private static IndicatorDefinition mom() {
        return IndicatorDefinition.define("MOM", "Momentum: close - close n bars ago (the Chinese MTM)")
                .aliases("MTM")
                .intParam(TIMEPERIOD, 10, 1, MAX_PERIOD, "bars back")
                .warmup("timeperiod + 1", p -> p.integer(TIMEPERIOD) + 1)
                .bind((in, p) -> {
                    int n = p.integer(TIMEPERIOD);
                    return lines(i -> in.close().at(i) - in.close().at(i - n));
                });
    }

    private static IndicatorDefinition ao() {
        return IndicatorDefinition.define("AO",
                        "Awesome oscillator (Bill Williams): SMA(median, fastperiod) - SMA(median, slowperiod), "
                                + "median = (high + low) / 2 (ta4j AwesomeOscillatorIndicator)")
                .intParam("fastperiod", 5, 1, MAX_PERIOD, "bars of the fast SMA")
                .intParam("slowperiod", 34, 2, MAX_PERIOD, "bars of the slow SMA")
                .below("fastperiod", "slowperiod")
                .warmup("slowperiod", p -> p.integer("slowperiod"))
                .bind((in, p) -> lines(in.of(new AwesomeOscillatorIndicator(new MedianPriceIndicator(in.series()),
                        p.integer("fastperiod"), p.integer("slowperiod")))));
    }

    private static IndicatorDefinition ultosc() {
        return IndicatorDefinition.define("ULTOSC",
                        "Ultimate oscillator (TA-Lib): buying pressure over true range on three windows, weighted "
                                + "4, 2, 1 from the shortest window to the longest, 0 to 100")
                .aliases("UO")
                .intParam("timeperiod1", 7, 1, MAX_PERIOD, "first window")
                .intParam("timeperiod2", 14, 1, MAX_PERIOD, "second window")
                .intParam("timeperiod3", 28, 1, MAX_PERIOD, "third window")
                .warmup("max(timeperiod1, timeperiod2, timeperiod3) + 1",
                        p -> Math.max(p.integer("timeperiod1"), Math.max(p.integer("timeperiod2"),
                                p.integer("timeperiod3"))) + 1)
                .bind(Momentum::ultimate);
    }

    private static IndicatorDefinition mfi() {
        return IndicatorDefinition.define("MFI",
                        "Money flow index: typical price x volume summed where the typical price rose against where "
                                + "it fell, 0 to 100; 0 when the flows add up to less than 1 (TA-Lib)")
                .intParam(TIMEPERIOD, 14, 2, MAX_PERIOD, "bars of money flow")
                .warmup("timeperiod + 1", p -> p.integer(TIMEPERIOD) + 1)
                .bind((in, p) -> {
                    int n = p.integer(TIMEPERIOD);
                    return lines(i -> mfi(in, i, n));
                });
    }

    /** RSI as TA-Lib: average gain over average gain plus loss, 0 when both are (almost) 0. */
    static Line rsi(BarSeries series, Line source, int n) {
        Line change = i -> source.at(i) - source.at(i - 1);
        Ema gain = Ema.wilder(series, i -> Math.max(change.at(i), 0), n);
        Ema loss = Ema.wilder(series, i -> Math.max(-change.at(i), 0), n);
        return i -> {
            double up = gain.at(i);
            double total = up + loss.at(i);
            if (Double.isNaN(total)) {
                return Double.NaN;
            }
            return Windows.nearZero(total) ? 0 : 100 * up / total;
        };
    }

    static Line fastK(Prices in, int n) {
        return i -> Windows.stochastic(in.close().at(i), Windows.highest(in.high(), i, n),
                Windows.lowest(in.low(), i, n));
    }

    private static double cci(Line typical, int i, int n) {
        double mean = Windows.mean(typical, i, n);
        if (Double.isNaN(mean)) {
            return Double.NaN;
        }
        double deviation = 0;
        for (int j = i - n + 1; j <= i; j++) {
            deviation += Math.abs(typical.at(j) - mean);
        }
        deviation /= n;
        double distance = typical.at(i) - mean;
        return distance != 0 && deviation != 0 ? distance / (0.015 * deviation) : 0;
    }

    private static Line[] ultimate(Prices in, Params p) {
        int[] periods = {p.integer("timeperiod1"), p.integer("timeperiod2"), p.integer("timeperiod3")};
        Arrays.sort(periods);
        Line trueLow = i -> Math.min(in.low().at(i), in.close().at(i - 1));
        Line pressure = i -> in.close().at(i) - trueLow.at(i);
        Line range = in.trueRange();
        return lines(i -> {
            double sum = 0;
            for (int w = 0; w < periods.length; w++) {
                double ranges = Windows.sum(range, i, periods[w]);
                double pressures = Windows.sum(pressure, i, periods[w]);
                if (Double.isNaN(ranges + pressures)) {
                    return Double.NaN;
                }
                sum += Windows.nearZero(ranges) ? 0 : ULTIMATE_WEIGHTS[w] * pressures / ranges;
            }
            return 100 * sum / 7;
        });
    }

    private static double mfi(Prices in, int i, int n) {
        double rising = 0;
        double falling = 0;
        for (int j = i - n + 1; j <= i; j++) {
            double typical = in.typical().at(j);
            double before = in.typical().at(j - 1);
            if (Double.isNaN(typical + before)) {
                return Double.NaN;
            }
            if (typical > before) {
                rising += typical * in.volume().at(j);
            } else if (typical < before) {
                falling += typical * in.volume().at(j);
            }
        }
        double total = rising + falling;
        return total < 1 ? 0 : 100 * rising / total;
    }
}
