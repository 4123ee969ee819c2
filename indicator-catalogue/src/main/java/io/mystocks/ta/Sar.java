package io.mystocks.ta;

import java.util.Arrays;

/**
 * Wilder's parabolic stop and reverse, step for step as TA-Lib computes it: the first trend is short when
 * the second bar's low falls further than its high rises, long otherwise; the stop of a bar is reported at
 * that bar, and the stop carried to the next bar never enters the last two bars' range. Defined from the
 * second bar of the series.
 *
 * <p>ta4j's own {@code ParabolicSarIndicator} starts the trend differently from TA-Lib and keeps a map
 * entry per bar that it never drops, which a stream that runs for months cannot afford.
 */
final class Sar extends Stepped implements Line {
    private static final int REPORTED = 0;
    private static final int NEXT = 1;
    private static final int EXTREME = 2;
    private static final int FACTOR = 3;
    private static final int RISING = 4;

    private final Prices prices;
    private final double acceleration;
    private final double maximum;

    Sar(Prices prices, double acceleration, double maximum) {
        super(prices.series(), 5);
        this.prices = prices;
        this.acceleration = acceleration;
        this.maximum = maximum;
    }

    @Override
    public double at(int index) {
        return field(index, REPORTED);
    }

    @Override
    void step(int index, double[] out) {
        if (offset(index) < 1) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double high = prices.high().at(index);
        double low = prices.low().at(index);
        double previousHigh = prices.high().at(index - 1);
        double previousLow = prices.low().at(index - 1);
        double next = field(index - 1, NEXT);
        if (Double.isNaN(next)) {
            start(out, high, low, previousHigh, previousLow);
            move(out, out[RISING] > 0, high, low, high, low);
            return;
        }
        out[NEXT] = next;
        out[EXTREME] = field(index - 1, EXTREME);
        out[FACTOR] = field(index - 1, FACTOR);
        move(out, field(index - 1, RISING) > 0, previousHigh, previousLow, high, low);
    }

    /** The state before the second bar: TA-Lib picks the trend from the first two bars' directional move. */
    private void start(double[] out, double high, double low, double previousHigh, double previousLow) {
        double up = high - previousHigh;
        double down = previousLow - low;
        boolean rising = !(down > 0 && down > up);
        out[NEXT] = rising ? previousLow : previousHigh;
        out[EXTREME] = rising ? high : low;
        out[FACTOR] = acceleration;
        out[RISING] = rising ? 1 : 0;
    }

    /** One bar: report the stop carried in, reverse if the bar crossed it, and carry the next stop. */
    private void move(double[] out, boolean rising, double previousHigh, double previousLow, double high,
                      double low) {
        double stop = out[NEXT];
        double extreme = out[EXTREME];
        double factor = out[FACTOR];
        if (rising ? low <= stop : high >= stop) {
            stop = rising ? Math.max(extreme, Math.max(previousHigh, high)) : Math.min(extreme, Math.min(previousLow,
                    low));
            out[REPORTED] = stop;
            extreme = rising ? low : high;
            factor = acceleration;
            rising = !rising;
        } else {
            out[REPORTED] = stop;
            if (rising ? high > extreme : low < extreme) {
                extreme = rising ? high : low;
                factor = Math.min(factor + acceleration, maximum);
            }
        }
        double next = stop + factor * (extreme - stop);
        out[NEXT] = rising ? Math.min(next, Math.min(previousLow, low)) : Math.max(next, Math.max(previousHigh, high));
        out[EXTREME] = extreme;
        out[FACTOR] = factor;
        out[RISING] = rising ? 1 : 0;
    }
}
