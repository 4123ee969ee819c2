package io.mystocks.ta;

import io.mystocks.contracts.Bar;
import java.time.Duration;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;

/**
 * ta4j series of {@link Bar}s. Indicators are statistics published as doubles, so the series uses ta4j's
 * double numbers: cheap arithmetic, and the same IEEE doubles TA-Lib computes with. The bars themselves
 * stay exact decimals in the contracts.
 */
final class Bars {
    private static final NumFactory NUMBERS = DoubleNumFactory.getInstance();

    private Bars() {
    }

    static BarSeries series(int maxBars) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(NUMBERS).build();
        series.setMaximumBarCount(maxBars);
        return series;
    }

    /** A series of bars, oldest first. */
    static BarSeries series(List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(NUMBERS).build();
        Bar previous = null;
        for (Bar bar : bars) {
            if (previous != null && !bar.openTime().isAfter(previous.openTime())) {
                throw new IllegalArgumentException("bars must be oldest first with distinct open times: "
                        + bar.key() + " follows " + previous.key());
            }
            series.addBar(toTa4j(bar));
            previous = bar;
        }
        return series;
    }

    static org.ta4j.core.Bar toTa4j(Bar bar) {
        return new BaseBar(length(bar), bar.openTime(), bar.closeTime(),
                NUMBERS.numOf(bar.open()), NUMBERS.numOf(bar.high()), NUMBERS.numOf(bar.low()),
                NUMBERS.numOf(bar.close()), NUMBERS.numOf(bar.volume()), NUMBERS.numOf(bar.amount()), bar.trades());
    }

    /** The bar's length, sharing the interval's duration object when the bar is not cut short. */
    private static Duration length(Bar bar) {
        Duration full = bar.interval().length().orElse(null);
        if (full != null && bar.openTime().plus(full).equals(bar.closeTime())) {
            return full;
        }
        return Duration.between(bar.openTime(), bar.closeTime());
    }
}
