package io.mystocks.ta;

import static io.mystocks.ta.Trend.MAX_PERIOD;
import static io.mystocks.ta.Trend.TIMEPERIOD;
import static io.mystocks.ta.Trend.lines;

import java.util.List;

/** Volume indicators. */
final class Volume {
    private Volume() {
    }

    static List<IndicatorDefinition> definitions() {
        return List.of(obv(), ad(), adosc(), vwap(), volumeMa());
    }

    private static IndicatorDefinition obv() {
        return IndicatorDefinition.define("OBV",
                        "On-balance volume: running total of volume, added on a higher close, subtracted on a lower "
                                + "one, starting from the first bar's volume (TA-Lib); a running total over the bars "
                                + "given, so its level depends on where they start")
                .warmup("1", p -> 1)
                .bind((in, p) -> lines(new RunningTotal(in.series(), i -> {
                    double change = in.close().at(i) - in.close().at(i - 1);
                    return Double.isNaN(change) ? in.volume().at(i) : Math.signum(change) * in.volume().at(i);
                })));
    }

    private static IndicatorDefinition ad() {
        return IndicatorDefinition.define("AD",
                        "Chaikin accumulation/distribution line: running total of ((close - low) - (high - close)) "
                                + "/ (high - low) x volume (TA-Lib); its level depends on where the bars start")
                .aliases("ADL")
                .warmup("1", p -> 1)
                .bind((in, p) -> lines(accumulation(in)));
    }

    private static IndicatorDefinition adosc() {
        return IndicatorDefinition.define("ADOSC",
                        "Chaikin A/D oscillator: EMA(AD, fastperiod) - EMA(AD, slowperiod), both seeded with the "
                                + "first AD value (TA-Lib)")
                .aliases("CHAIKIN")
                .intParam("fastperiod", 3, 1, MAX_PERIOD, "bars of the fast EMA")
                .intParam("slowperiod", 10, 1, MAX_PERIOD, "bars of the slow EMA")
                .warmup("max(fastperiod, slowperiod)", p -> Math.max(p.integer("fastperiod"), p.integer("slowperiod")))
                .bind((in, p) -> {
                    Line ad = accumulation(in);
                    Ema fast = Ema.fromFirst(in.series(), ad, p.integer("fastperiod"));
                    Ema slow = Ema.fromFirst(in.series(), ad, p.integer("slowperiod"));
                    int first = Math.max(p.integer("fastperiod"), p.integer("slowperiod")) - 1;
                    return lines(i -> in.offset(i) < first ? Double.NaN : fast.at(i) - slow.at(i));
                });
    }

    private static IndicatorDefinition vwap() {
        return IndicatorDefinition.define("VWAP",
                        "Volume-weighted average typical price over the last timeperiod bars: sum(typical x volume) "
                                + "/ sum(volume), typical = (high + low + close) / 3, as ta4j's VWAPIndicator; a "
                                + "rolling window, not anchored to the session; undefined while the window has no "
                                + "volume")
                .intParam(TIMEPERIOD, 14, 1, MAX_PERIOD, "bars of the window")
                .warmup(TIMEPERIOD, p -> p.integer(TIMEPERIOD))
                .bind((in, p) -> {
                    int n = p.integer(TIMEPERIOD);
                    Line turnover = i -> in.typical().at(i) * in.volume().at(i);
                    return lines(i -> Windows.sum(turnover, i, n) / Windows.sum(in.volume(), i, n));
                });
    }

    private static IndicatorDefinition volumeMa() {
        return IndicatorDefinition.define("VOLUME_MA", "Simple moving average of the volume")
                .aliases("VMA", "VOL_MA", "MAVOL")
                .intParam(TIMEPERIOD, 5, 1, MAX_PERIOD, "bars averaged")
                .warmup(TIMEPERIOD, p -> p.integer(TIMEPERIOD))
                .bind((in, p) -> lines(Windows.sma(in.volume(), p.integer(TIMEPERIOD))));
    }

    private static Line accumulation(Prices in) {
        return new RunningTotal(in.series(), i -> {
            double high = in.high().at(i);
            double low = in.low().at(i);
            double close = in.close().at(i);
            double range = high - low;
            return range > 0 ? ((close - low) - (high - close)) / range * in.volume().at(i) : 0;
        });
    }
}
