package io.mystocks.ta;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import io.mystocks.contracts.Bar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indicator TA-Lib has, against TA-Lib's Java port on real bars: from the first bar an instance is
 * ready, each output equals TA-Lib's within 1e-6 relative (1e-9 absolute near zero), and the instance
 * becomes ready at exactly the bar where TA-Lib's output begins (warm-up = TA-Lib lookback + 1).
 *
 * <p>The catalogue follows TA-Lib's conventions wherever TA-Lib has the indicator, because the service
 * this project replaces computed with TA-Lib and its clients compare numbers: EMAs are seeded with the
 * SMA of their first n values (ta4j seeds with a single value n bars in); MACD's fast EMA starts where the
 * slow one does; RSI, ATR, NATR and the ADX family use Wilder's smoothing seeded like TA-Lib; BBANDS and
 * STDDEV use the population deviation; OBV starts from the first bar's volume; ADOSC seeds its EMAs with
 * the first AD value; SAR starts its trend from the first two bars as TA-Lib does. TA-Lib runs with its
 * defaults (no unstable period, default compatibility), so the comparison needs no extra bars: values
 * agree from the first ready bar on.
 */
class TaLibReferenceTest {
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-9;
    /** TA-Lib's BBANDS has no width; the golden tests check it. */
    private static final List<String> BANDS = List.of("upper", "middle", "lower");

    /** One TA-Lib call writing its outputs, in the catalogue's output order, from {@code begin}. */
    @FunctionalInterface
    interface TaLibCall {
        RetCode run(Core core, Prices p, MInteger begin, MInteger count, double[][] out);
    }

    /** The arrays TA-Lib reads. */
    record Prices(int end, double[] open, double[] high, double[] low, double[] close, double[] volume) {
        static Prices of(List<Bar> bars) {
            return new Prices(bars.size() - 1, MarketData.opens(bars), MarketData.highs(bars), MarketData.lows(bars),
                    MarketData.closes(bars), MarketData.volumes(bars));
        }
    }

    /**
     * An instance and the TA-Lib call that computes it.
     *
     * @param taLibOutputs the instance's outputs TA-Lib has, in its order; empty for all of them
     */
    record Case(String spec, List<String> taLibOutputs, TaLibCall call) {
        Case(String spec, TaLibCall call) {
            this(spec, List.of(), call);
        }

        @Override
        public String toString() {
            return spec;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("SMA:timeperiod=20", (c, p, b, n, o) -> c.sma(0, p.end, p.close, 20, b, n, o[0])),
                new Case("MA:timeperiod=5", (c, p, b, n, o) -> c.sma(0, p.end, p.close, 5, b, n, o[0])),
                new Case("EMA:timeperiod=20", (c, p, b, n, o) -> c.ema(0, p.end, p.close, 20, b, n, o[0])),
                new Case("EMA:timeperiod=12", (c, p, b, n, o) -> c.ema(0, p.end, p.close, 12, b, n, o[0])),
                new Case("WMA:timeperiod=20", (c, p, b, n, o) -> c.wma(0, p.end, p.close, 20, b, n, o[0])),
                new Case("MACD", (c, p, b, n, o) -> c.macd(0, p.end, p.close, 12, 26, 9, b, n, o[0], o[1], o[2])),
                new Case("MACD:fastperiod=5,slowperiod=35,signalperiod=5",
                        (c, p, b, n, o) -> c.macd(0, p.end, p.close, 5, 35, 5, b, n, o[0], o[1], o[2])),
                new Case("RSI:timeperiod=14", (c, p, b, n, o) -> c.rsi(0, p.end, p.close, 14, b, n, o[0])),
                new Case("RSI:timeperiod=6", (c, p, b, n, o) -> c.rsi(0, p.end, p.close, 6, b, n, o[0])),
                new Case("STOCH", (c, p, b, n, o) -> c.stoch(0, p.end, p.high, p.low, p.close, 5, 3, MAType.Sma, 3,
                        MAType.Sma, b, n, o[0], o[1])),
                new Case("STOCH:fastk_period=9,slowk_period=3,slowd_period=3", (c, p, b, n, o) -> c.stoch(0, p.end,
                        p.high, p.low, p.close, 9, 3, MAType.Sma, 3, MAType.Sma, b, n, o[0], o[1])),
                new Case("BOLL", BANDS, (c, p, b, n, o) -> c.bbands(0, p.end, p.close, 20, 2, 2, MAType.Sma, b, n, o[0],
                        o[1], o[2])),
                new Case("BBANDS:timeperiod=5,nbdevup=1.5,nbdevdn=2.5", BANDS, (c, p, b, n, o) -> c.bbands(0, p.end,
                        p.close, 5, 1.5, 2.5, MAType.Sma, b, n, o[0], o[1], o[2])),
                new Case("ATR", (c, p, b, n, o) -> c.atr(0, p.end, p.high, p.low, p.close, 14, b, n, o[0])),
                new Case("NATR", (c, p, b, n, o) -> c.natr(0, p.end, p.high, p.low, p.close, 14, b, n, o[0])),
                new Case("TRANGE", (c, p, b, n, o) -> c.trueRange(0, p.end, p.high, p.low, p.close, b, n, o[0])),
                new Case("ADX", (c, p, b, n, o) -> adx(c, p, 14, b, n, o)),
                new Case("DMI:timeperiod=7", (c, p, b, n, o) -> adx(c, p, 7, b, n, o)),
                new Case("PLUS_DI", (c, p, b, n, o) -> c.plusDI(0, p.end, p.high, p.low, p.close, 14, b, n, o[0])),
                new Case("MINUS_DI", (c, p, b, n, o) -> c.minusDI(0, p.end, p.high, p.low, p.close, 14, b, n, o[0])),
                new Case("CCI", (c, p, b, n, o) -> c.cci(0, p.end, p.high, p.low, p.close, 14, b, n, o[0])),
                new Case("WILLR", (c, p, b, n, o) -> c.willR(0, p.end, p.high, p.low, p.close, 14, b, n, o[0])),
                new Case("ROC", (c, p, b, n, o) -> c.roc(0, p.end, p.close, 10, b, n, o[0])),
                new Case("MOM", (c, p, b, n, o) -> c.mom(0, p.end, p.close, 10, b, n, o[0])),
                new Case("MFI", (c, p, b, n, o) -> c.mfi(0, p.end, p.high, p.low, p.close, p.volume, 14, b, n,
                        o[0])),
                new Case("OBV", (c, p, b, n, o) -> c.obv(0, p.end, p.close, p.volume, b, n, o[0])),
                new Case("AD", (c, p, b, n, o) -> c.ad(0, p.end, p.high, p.low, p.close, p.volume, b, n, o[0])),
                new Case("ADOSC", (c, p, b, n, o) -> c.adOsc(0, p.end, p.high, p.low, p.close, p.volume, 3, 10, b,
                        n, o[0])),
                new Case("SAR", (c, p, b, n, o) -> c.sar(0, p.end, p.high, p.low, 0.02, 0.2, b, n, o[0])),
                new Case("SAR:acceleration=0.01,maximum=0.1", (c, p, b, n, o) -> c.sar(0, p.end, p.high, p.low,
                        0.01, 0.1, b, n, o[0])),
                new Case("STOCHRSI", (c, p, b, n, o) -> c.stochRsi(0, p.end, p.close, 14, 5, 3, MAType.Sma, b, n,
                        o[0], o[1])),
                new Case("ULTOSC", (c, p, b, n, o) -> c.ultOsc(0, p.end, p.high, p.low, p.close, 7, 14, 28, b, n,
                        o[0])),
                new Case("STDDEV", (c, p, b, n, o) -> c.stdDev(0, p.end, p.close, 20, 1, b, n, o[0])),
                new Case("STDDEV:timeperiod=5,nbdev=2", (c, p, b, n, o) -> c.stdDev(0, p.end, p.close, 5, 2, b, n,
                        o[0])));
        return cases.stream().flatMap(testCase -> Stream.of(
                Arguments.of(testCase, "AAPL 1d", MarketData.apple()),
                Arguments.of(testCase, "ETHUSD 5m", MarketData.ether())));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void everyReadyValueEqualsTaLibsAndReadinessStartsWhereTaLibsOutputDoes(Case testCase, String data,
                                                                          List<Bar> bars) {
        IndicatorInstance instance = IndicatorSet.parse(List.of(testCase.spec())).instances().getFirst();
        List<String> outputs = testCase.taLibOutputs().isEmpty() ? instance.outputs() : testCase.taLibOutputs();
        Map<String, double[]> expected = taLib(testCase, outputs, bars);

        List<IndicatorPoint> points = instance.series(bars);

        int firstReady = firstReady(points);
        int taLibBegin = begin(expected.values().iterator().next());
        assertThat(firstReady).as("first ready bar of %s", instance).isEqualTo(taLibBegin);
        List<String> mismatches = new ArrayList<>();
        for (int i = firstReady; i < points.size(); i++) {
            for (Map.Entry<String, double[]> output : expected.entrySet()) {
                Double actual = points.get(i).outputs().get(output.getKey());
                double reference = output.getValue()[i];
                if (actual == null || !close(actual, reference)) {
                    mismatches.add("bar " + i + " " + output.getKey() + ": " + actual + " vs TA-Lib " + reference);
                }
            }
        }
        assertThat(mismatches).as("%s against TA-Lib on %s", instance, data).isEmpty();
    }

    private static RetCode adx(Core core, Prices p, int period, MInteger begin, MInteger count, double[][] out) {
        MInteger ignored = new MInteger();
        double[] plus = new double[out[1].length];
        double[] minus = new double[out[2].length];
        RetCode adx = core.adx(0, p.end, p.high, p.low, p.close, period, begin, count, out[0]);
        core.plusDI(0, p.end, p.high, p.low, p.close, period, ignored, new MInteger(), plus);
        int shift = begin.value - ignored.value;
        System.arraycopy(plus, shift, out[1], 0, count.value);
        core.minusDI(0, p.end, p.high, p.low, p.close, period, ignored, new MInteger(), minus);
        System.arraycopy(minus, shift, out[2], 0, count.value);
        return adx;
    }

    private static Map<String, double[]> taLib(Case testCase, List<String> outputs, List<Bar> bars) {
        Prices prices = Prices.of(bars);
        double[][] out = new double[outputs.size()][bars.size()];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        RetCode code = testCase.call().run(new Core(), prices, begin, count, out);
        assertThat(code).isEqualTo(RetCode.Success);
        Map<String, double[]> aligned = new LinkedHashMap<>();
        for (int k = 0; k < outputs.size(); k++) {
            double[] series = new double[bars.size()];
            Arrays.fill(series, Double.NaN);
            System.arraycopy(out[k], 0, series, begin.value, count.value);
            aligned.put(outputs.get(k), series);
        }
        return aligned;
    }

    private static int firstReady(List<IndicatorPoint> points) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).ready()) {
                return i;
            }
        }
        return -1;
    }

    private static int begin(double[] series) {
        for (int i = 0; i < series.length; i++) {
            if (!Double.isNaN(series[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean close(double actual, double reference) {
        return Math.abs(actual - reference) <= Math.max(ABSOLUTE, RELATIVE * Math.abs(reference));
    }
}
