package io.mystocks.ta;

import org.ta4j.core.BarSeries;

/**
 * Wilder's running sum as TA-Lib's directional movement uses it: the sum of the first {@code n - 1}
 * values, then {@code sum - sum / n + value} at every bar. Defined from the (n-1)-th value on; read
 * from the bar after that.
 */
final class WilderSum extends Recursive {
    private final Line source;
    private final int n;

    WilderSum(BarSeries series, Line source, int n) {
        super(series);
        this.source = source;
        this.n = n;
    }

    @Override
    double compute(int index) {
        double value = source.at(index);
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        double previous = previous(index);
        if (!Double.isNaN(previous)) {
            return previous - previous / n + value;
        }
        return Windows.sum(source, index, n - 1);
    }
}
