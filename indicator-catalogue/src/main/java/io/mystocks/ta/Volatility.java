package io.mystocks.ta;

import static io.mystocks.ta.Trend.MAX_PERIOD;
import static io.mystocks.ta.Trend.TIMEPERIOD;
import static io.mystocks.ta.Trend.lines;

import java.util.List;

/** Bands, ranges and dispersion. */
final class Volatility {
    private Volatility() {
    }

    static List<IndicatorDefinition> definitions() {
        return List.of(bbands(), atr(), natr(), trange(), keltner(), stddev());
    }

    private static IndicatorDefinition bbands() {
        return IndicatorDefinition.define("BBANDS",
                        "Bollinger bands: middle = SMA(close), upper/lower = middle +/- nbdev x population standard "
                                + "deviation (TA-Lib, as BOLL in Chinese software); width = (upper - lower) / middle "
                                + "x 100")
                .aliases("BOLL")
                .intParam(TIMEPERIOD, 20, 2, MAX_PERIOD, "bars of the average and deviation")
                .doubleParam("nbdevup", 2, 0, 10, "deviations above the middle")
                .doubleParam("nbdevdn", 2, 0, 10, "deviations below the middle")
                .outputs("upper", "middle", "lower", "width")
                .warmup(TIMEPERIOD, p -> p.integer(TIMEPERIOD))
                .bind((in, p) -> {
                    int n = p.integer(TIMEPERIOD);
                    double up = p.decimal("nbdevup");
                    double down = p.decimal("nbdevdn");
                    Line middle = Windows.sma(in.close(), n);
                    Line deviation = i -> Windows.deviation(in.close(), i, n);
                    Line upper = i -> middle.at(i) + up * deviation.at(i);
                    Line lower = i -> middle.at(i) - down * deviation.at(i);
                    return lines(upper, middle, lower, i -> (upper.at(i) - lower.at(i)) / middle.at(i) * 100);
                });
    }

    private static IndicatorDefinition atr() {
        return IndicatorDefinition.define("ATR",
                        "Average true range, Wilder's smoothing seeded with the mean of the first timeperiod true "
                                + "ranges (TA-Lib)")
                .intParam(TIMEPERIOD, 14, 1, MAX_PERIOD, "bars of Wilder's smoothing")
                .warmup("timeperiod + 1", p -> p.integer(TIMEPERIOD) + 1)
                .bind((in, p) -> lines(atr(in, p.integer(TIMEPERIOD))));
    }

    private static IndicatorDefinition natr() {
        return IndicatorDefinition.define("NATR", "Normalised ATR: ATR / close x 100 (TA-Lib)")
                .intParam(TIMEPERIOD, 14, 1, MAX_PERIOD, "bars of Wilder's smoothing")
                .warmup("timeperiod + 1", p -> p.integer(TIMEPERIOD) + 1)
                .bind((in, p) -> {
                    Line atr = atr(in, p.integer(TIMEPERIOD));
                    return lines(i -> {
                        double close = in.close().at(i);
                        double range = atr.at(i);
                        if (Double.isNaN(range) || Windows.nearZero(close)) {
                            return Double.isNaN(range) ? Double.NaN : 0;
                        }
                        return range / close * 100;
                    });
                });
    }

    private static IndicatorDefinition trange() {
        return IndicatorDefinition.define("TRANGE",
                        "True range: the greatest of high - low, |high - previous close|, |low - previous close|")
                .aliases("TR")
                .warmup("2", p -> 2)
                .bind((in, p) -> lines(in.trueRange()));
    }

    private static IndicatorDefinition keltner() {
        return IndicatorDefinition.define("KELTNER",
                        "Keltner channel: middle = EMA(close, timeperiod), upper/lower = middle +/- multiplier x "
                                + "ATR(atr_period); EMA and ATR as this catalogue's EMA and ATR")
                .aliases("KC")
                .intParam(TIMEPERIOD, 20, 2, MAX_PERIOD, "bars of the EMA")
                .intParam("atr_period", 10, 1, MAX_PERIOD, "bars of the ATR")
                .doubleParam("multiplier", 2, 0, 10, "ATRs from the middle")
                .outputs("upper", "middle", "lower")
                .warmup("max(timeperiod, atr_period + 1)",
                        p -> Math.max(p.integer(TIMEPERIOD), p.integer("atr_period") + 1))
                .bind((in, p) -> {
                    Line middle = Ema.classic(in.series(), in.close(), p.integer(TIMEPERIOD));
                    Line atr = atr(in, p.integer("atr_period"));
                    double multiplier = p.decimal("multiplier");
                    return lines(i -> middle.at(i) + multiplier * atr.at(i), middle,
                            i -> middle.at(i) - multiplier * atr.at(i));
                });
    }

    private static IndicatorDefinition stddev() {
        return IndicatorDefinition.define("STDDEV",
                        "Population standard deviation of the close (divides by timeperiod) x nbdev, as TA-Lib")
                .aliases("STD")
                .intParam(TIMEPERIOD, 20, 2, MAX_PERIOD, "bars")
                .doubleParam("nbdev", 1, 0, 10, "multiplier")
                .warmup(TIMEPERIOD, p -> p.integer(TIMEPERIOD))
                .bind((in, p) -> {
                    int n = p.integer(TIMEPERIOD);
                    double times = p.decimal("nbdev");
                    return lines(i -> times * Windows.deviation(in.close(), i, n));
                });
    }

    static Line atr(Prices in, int n) {
        return Ema.wilder(in.series(), in.trueRange(), n);
    }
}
