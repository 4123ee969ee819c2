package io.mystocks.ta;

import org.ta4j.core.BarSeries;

/** The sum of a line's values from the first bar of the series. */
final class RunningTotal extends Recursive {
    private final Line step;

    RunningTotal(BarSeries series, Line step) {
        super(series);
        this.step = step;
    }

    @Override
    double compute(int index) {
        double previous = previous(index);
        return Double.isNaN(previous) ? step.at(index) : previous + step.at(index);
    }
}
