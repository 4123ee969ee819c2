package io.mystocks.ta;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Indicators TA-Lib lacks, against straightforward implementations of their textbook definitions written
 * here, loop by loop over plain arrays: VWAP, Ichimoku, HMA, VWMA, Keltner, AO, KDJ with its J line, the
 * Bollinger width and the volume average. Every ready value must agree within 1e-9 relative.
 */
class GoldenReferenceTest {
    private static final double RELATIVE = 1e-9;

    /** A textbook computation: outputs by name, NaN where undefined. */
    record Case(String spec, Function<Columns, Map<String, double[]>> reference) {
        @Override
        public String toString() {
            return spec;
        }
    }

    /** The bars as arrays. */
    record Columns(double[] high, double[] low, double[] close, double[] volume) {
        static Columns of(List<Bar> bars) {
            return new Columns(MarketData.highs(bars), MarketData.lows(bars), MarketData.closes(bars),
                    MarketData.volumes(bars));
        }

        int size() {
            return close.length;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("VWAP", d -> Map.of("value", vwap(d, 14))),
                new Case("VWAP:timeperiod=5", d -> Map.of("value", vwap(d, 5))),
                new Case("ICHIMOKU", d -> ichimoku(d, 9, 26, 52, 26)),
                new Case("ICHIMOKU:tenkan=7,kijun=22,senkou=44,displacement=22", d -> ichimoku(d, 7, 22, 44, 22)),
                new Case("HMA", d -> Map.of("value", hma(d.close(), 20))),
                new Case("HMA:timeperiod=9", d -> Map.of("value", hma(d.close(), 9))),
                new Case("VWMA", d -> Map.of("value", vwma(d, 20))),
                new Case("KELTNER", d -> keltner(d, 20, 10, 2)),
                new Case("KC:timeperiod=10,atr_period=14,multiplier=1.5", d -> keltner(d, 10, 14, 1.5)),
                new Case("AO", d -> Map.of("value", ao(d, 5, 34))),
                new Case("KDJ", d -> kdj(d, 9, 3, 3)),
                new Case("KDJ:fastk_period=5,slowk_period=4,slowd_period=2", d -> kdj(d, 5, 4, 2)),
                new Case("BOLL", d -> Map.of("width", bollingerWidth(d.close(), 20, 2))),
                new Case("VOLUME_MA:timeperiod=10", d -> Map.of("value", sma(d.volume(), 10))));
        return cases.stream().flatMap(testCase -> Stream.of(
                Arguments.of(testCase, "AAPL 1d", MarketData.apple()),
                Arguments.of(testCase, "ETHUSD 5m", MarketData.ether())));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void everyReadyValueEqualsTheTextbookDefinition(Case testCase, String data, List<Bar> bars) {
        IndicatorInstance instance = IndicatorSet.parse(List.of(testCase.spec())).instances().getFirst();
        Map<String, double[]> expected = testCase.reference().apply(Columns.of(bars));

        List<IndicatorPoint> points = instance.series(bars);

        List<String> mismatches = new ArrayList<>();
        for (int i = instance.warmupBars() - 1; i < points.size(); i++) {
            for (Map.Entry<String, double[]> output : expected.entrySet()) {
                Double actual = points.get(i).outputs().get(output.getKey());
                double reference = output.getValue()[i];
                if (actual == null || Math.abs(actual - reference) > RELATIVE * Math.max(1, Math.abs(reference))) {
                    mismatches.add("bar " + i + " " + output.getKey() + ": " + actual + " vs " + reference);
                }
            }
        }
        assertThat(points.get(instance.warmupBars() - 2).ready()).isFalse();
        assertThat(mismatches).as("%s on %s", instance, data).isEmpty();
    }

    private static double[] vwap(Columns d, int n) {
        double[] out = undefined(d.size());
        for (int i = n - 1; i < d.size(); i++) {
            double priceVolume = 0;
            double volume = 0;
            for (int j = i - n + 1; j <= i; j++) {
                double typical = (d.high()[j] + d.low()[j] + d.close()[j]) / 3;
                priceVolume += typical * d.volume()[j];
                volume += d.volume()[j];
            }
            out[i] = priceVolume / volume;
        }
        return out;
    }

    private static Map<String, double[]> ichimoku(Columns d, int tenkanBars, int kijunBars, int senkouBars, int shift) {
        double[] tenkan = midpoint(d, tenkanBars);
        double[] kijun = midpoint(d, kijunBars);
        double[] spanB = midpoint(d, senkouBars);
        double[] senkouA = undefined(d.size());
        double[] senkouB = undefined(d.size());
        for (int i = shift; i < d.size(); i++) {
            senkouA[i] = (tenkan[i - shift] + kijun[i - shift]) / 2;
            senkouB[i] = spanB[i - shift];
        }
        Map<String, double[]> outputs = new LinkedHashMap<>();
        outputs.put("tenkan", tenkan);
        outputs.put("kijun", kijun);
        outputs.put("senkou_a", senkouA);
        outputs.put("senkou_b", senkouB);
        outputs.put("chikou", d.close());
        return outputs;
    }

    /** (highest high + lowest low) / 2 over the last n bars. */
    private static double[] midpoint(Columns d, int n) {
        double[] out = undefined(d.size());
        for (int i = n - 1; i < d.size(); i++) {
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            for (int j = i - n + 1; j <= i; j++) {
                high = Math.max(high, d.high()[j]);
                low = Math.min(low, d.low()[j]);
            }
            out[i] = (high + low) / 2;
        }
        return out;
    }

    private static double[] hma(double[] close, int n) {
        double[] half = wma(close, n / 2);
        double[] full = wma(close, n);
        double[] raw = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            raw[i] = 2 * half[i] - full[i];
        }
        return wma(raw, (int) Math.floor(Math.sqrt(n)));
    }

    private static double[] wma(double[] values, int n) {
        double[] out = undefined(values.length);
        for (int i = n - 1; i < values.length; i++) {
            double sum = 0;
            for (int w = 1; w <= n; w++) {
                sum += w * values[i - n + w];
            }
            out[i] = sum / (n * (n + 1) / 2.0);
        }
        return out;
    }

    private static double[] vwma(Columns d, int n) {
        double[] out = undefined(d.size());
        for (int i = n - 1; i < d.size(); i++) {
            double priceVolume = 0;
            double volume = 0;
            for (int j = i - n + 1; j <= i; j++) {
                priceVolume += d.close()[j] * d.volume()[j];
                volume += d.volume()[j];
            }
            out[i] = priceVolume / volume;
        }
        return out;
    }

    /** EMA seeded with the SMA of its first n closes; ATR as Wilder, seeded with the mean of the first n. */
    private static Map<String, double[]> keltner(Columns d, int emaBars, int atrBars, double multiplier) {
        double[] middle = undefined(d.size());
        middle[emaBars - 1] = Arrays.stream(d.close(), 0, emaBars).average().orElseThrow();
        for (int i = emaBars; i < d.size(); i++) {
            middle[i] = middle[i - 1] + 2.0 / (emaBars + 1) * (d.close()[i] - middle[i - 1]);
        }
        double[] atr = undefined(d.size());
        double sum = 0;
        for (int i = 1; i <= atrBars; i++) {
            sum += trueRange(d, i);
        }
        atr[atrBars] = sum / atrBars;
        for (int i = atrBars + 1; i < d.size(); i++) {
            atr[i] = (atr[i - 1] * (atrBars - 1) + trueRange(d, i)) / atrBars;
        }
        double[] upper = new double[d.size()];
        double[] lower = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            upper[i] = middle[i] + multiplier * atr[i];
            lower[i] = middle[i] - multiplier * atr[i];
        }
        return Map.of("upper", upper, "middle", middle, "lower", lower);
    }

    private static double trueRange(Columns d, int i) {
        double previous = d.close()[i - 1];
        return Math.max(d.high()[i] - d.low()[i],
                Math.max(Math.abs(d.high()[i] - previous), Math.abs(d.low()[i] - previous)));
    }

    private static double[] ao(Columns d, int fast, int slow) {
        double[] median = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            median[i] = (d.high()[i] + d.low()[i]) / 2;
        }
        double[] fastAverage = sma(median, fast);
        double[] slowAverage = sma(median, slow);
        double[] out = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            out[i] = fastAverage[i] - slowAverage[i];
        }
        return out;
    }

    /** RSV over n bars; K and D start from 50 and move 1/m of the way to the new value each bar. */
    private static Map<String, double[]> kdj(Columns d, int n, int m1, int m2) {
        double[] k = undefined(d.size());
        double[] dLine = undefined(d.size());
        double[] j = undefined(d.size());
        double previousK = 50;
        double previousD = 50;
        for (int i = n - 1; i < d.size(); i++) {
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            for (int b = i - n + 1; b <= i; b++) {
                high = Math.max(high, d.high()[b]);
                low = Math.min(low, d.low()[b]);
            }
            double rsv = high == low ? 0 : (d.close()[i] - low) / (high - low) * 100;
            previousK = ((m1 - 1) * previousK + rsv) / m1;
            previousD = ((m2 - 1) * previousD + previousK) / m2;
            k[i] = previousK;
            dLine[i] = previousD;
            j[i] = 3 * previousK - 2 * previousD;
        }
        return Map.of("k", k, "d", dLine, "j", j);
    }

    private static double[] bollingerWidth(double[] close, int n, double deviations) {
        double[] middle = sma(close, n);
        double[] out = undefined(close.length);
        for (int i = n - 1; i < close.length; i++) {
            double squares = 0;
            for (int j = i - n + 1; j <= i; j++) {
                squares += (close[j] - middle[i]) * (close[j] - middle[i]);
            }
            double deviation = Math.sqrt(squares / n);
            out[i] = 2 * deviations * deviation / middle[i] * 100;
        }
        return out;
    }

    private static double[] sma(double[] values, int n) {
        double[] out = undefined(values.length);
        for (int i = n - 1; i < values.length; i++) {
            out[i] = Arrays.stream(values, i - n + 1, i + 1).sum() / n;
        }
        return out;
    }

    private static double[] undefined(int size) {
        double[] out = new double[size];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
