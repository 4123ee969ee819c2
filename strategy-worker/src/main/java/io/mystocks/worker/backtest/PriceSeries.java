package io.mystocks.worker.backtest;

import io.mystocks.contracts.Bar;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;

/**
 * What the rules and the marking to market read of one symbol's bars: a ta4j series of doubles for the
 * indicators, and the closes as doubles. Every value the rules read (prices and volume, by open time) is
 * one that the bars' {@link io.mystocks.worker.market.DataVersion} covers, so one instance serves every
 * backtest over bars of that version ({@link PriceSeriesCache}); the series also carries each bar's close
 * time, amount and trade count, which no rule reads. Shared between jobs running at once, so nothing may
 * change it once built: ta4j indicators only read their series.
 */
final class PriceSeries {
    private final BarSeries series;
    private final double[] closes;

    private PriceSeries(BarSeries series, double[] closes) {
        this.series = series;
        this.closes = closes;
    }

    /** @param bars closed bars with prices, oldest first */
    static PriceSeries of(String symbol, List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName(symbol)
                .withNumFactory(DoubleNumFactory.getInstance()).build();
        NumFactory num = series.numFactory();
        double[] closes = new double[bars.size()];
        for (int i = 0; i < closes.length; i++) {
            Bar bar = bars.get(i);
            series.addBar(new BaseBar(Duration.between(bar.openTime(), bar.closeTime()), bar.openTime(),
                    bar.closeTime(), num.numOf(bar.open()), num.numOf(high(bar)), num.numOf(low(bar)),
                    num.numOf(bar.close()), num.numOf(bar.volume()),
                    num.numOf(bar.amount() == null ? BigDecimal.ZERO : bar.amount()), bar.trades()));
            closes[i] = bar.close().doubleValue();
        }
        if (!bars.isEmpty()) {
            // Bounded to its own length (no bar is added later), the series gives each indicator's cache of
            // values one array of that length from the start instead of one that grows in steps.
            series.setMaximumBarCount(bars.size());
        }
        return new PriceSeries(series, closes);
    }

    /** The bars as a ta4j series of doubles, for the indicators. */
    BarSeries series() {
        return series;
    }

    /** The close of bar {@code i}, for marking to market. */
    double close(int i) {
        return closes[i];
    }

    int size() {
        return closes.length;
    }

    /** The high, or for a bar published without one, the higher of open and close. */
    private static BigDecimal high(Bar bar) {
        return bar.high() != null ? bar.high() : bar.open().max(bar.close());
    }

    private static BigDecimal low(Bar bar) {
        return bar.low() != null ? bar.low() : bar.open().min(bar.close());
    }
}
