package io.mystocks.ta;

import java.util.function.Function;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * The price and volume lines of a ta4j series, undefined outside the bars the series holds. Every
 * indicator of the catalogue is built on these.
 */
final class Prices {
    private final BarSeries series;
    private final Line open;
    private final Line high;
    private final Line low;
    private final Line close;
    private final Line volume;
    private final Line typical;
    private final Line median;
    private final Line trueRange;

    Prices(BarSeries series) {
        this.series = series;
        this.open = field(Bar::getOpenPrice);
        this.high = field(Bar::getHighPrice);
        this.low = field(Bar::getLowPrice);
        this.close = field(Bar::getClosePrice);
        this.volume = field(Bar::getVolume);
        this.typical = i -> (high.at(i) + low.at(i) + close.at(i)) / 3;
        this.median = i -> (high.at(i) + low.at(i)) / 2;
        this.trueRange = i -> trueRange(high.at(i), low.at(i), close.at(i - 1));
    }

    BarSeries series() {
        return series;
    }

    Line open() {
        return open;
    }

    Line high() {
        return high;
    }

    Line low() {
        return low;
    }

    Line close() {
        return close;
    }

    Line volume() {
        return volume;
    }

    /** (high + low + close) / 3. */
    Line typical() {
        return typical;
    }

    /** (high + low) / 2. */
    Line median() {
        return median;
    }

    /** The greatest of high - low, |high - previous close| and |low - previous close|; undefined on the first bar. */
    Line trueRange() {
        return trueRange;
    }

    /** How many bars the series holds before {@code index}: 0 at its first bar. */
    int offset(int index) {
        return index - series.getBeginIndex();
    }

    /** A ta4j indicator over this series as a line. */
    Line of(Indicator<Num> indicator) {
        return i -> holds(i) ? indicator.getValue(i).doubleValue() : Double.NaN;
    }

    static double trueRange(double high, double low, double previousClose) {
        return Math.max(high, previousClose) - Math.min(low, previousClose);
    }

    private Line field(Function<Bar, Num> field) {
        return i -> holds(i) ? field.apply(series.getBar(i)).doubleValue() : Double.NaN;
    }

    private boolean holds(int index) {
        return index >= series.getBeginIndex() && index <= series.getEndIndex();
    }
}
