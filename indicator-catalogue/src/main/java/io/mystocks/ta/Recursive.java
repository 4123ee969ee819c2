package io.mystocks.ta;

import org.ta4j.core.BarSeries;

/**
 * A line whose value at a bar depends on its own value at the bar before, kept per bar as
 * {@link Stepped} describes.
 */
abstract class Recursive extends Stepped implements Line {
    Recursive(BarSeries series) {
        super(series, 1);
    }

    /** The value at {@code index}, given {@link #previous(int)}; NaN until it is defined. */
    abstract double compute(int index);

    @Override
    final void step(int index, double[] out) {
        out[0] = compute(index);
    }

    @Override
    public final double at(int index) {
        return field(index, 0);
    }

    final double previous(int index) {
        return at(index - 1);
    }
}
