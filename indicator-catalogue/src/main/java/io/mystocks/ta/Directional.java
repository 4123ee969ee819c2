package io.mystocks.ta;

/**
 * Wilder's directional movement as TA-Lib computes it: +DM and -DM from consecutive highs and lows, running
 * sums of them and of the true range ({@link WilderSum}), +DI and -DI from the bar after the sums start,
 * DX from those, and ADX as Wilder's average of DX seeded with the mean of the first n.
 */
final class Directional {
    private final Line plus;
    private final Line minus;
    private final Line adx;

    Directional(Prices in, int n) {
        Line plusMove = i -> move(in.high().at(i) - in.high().at(i - 1), in.low().at(i - 1) - in.low().at(i));
        Line minusMove = i -> move(in.low().at(i - 1) - in.low().at(i), in.high().at(i) - in.high().at(i - 1));
        WilderSum plusSum = new WilderSum(in.series(), plusMove, n);
        WilderSum minusSum = new WilderSum(in.series(), minusMove, n);
        WilderSum rangeSum = new WilderSum(in.series(), in.trueRange(), n);
        this.plus = i -> percent(plusSum, rangeSum, i);
        this.minus = i -> percent(minusSum, rangeSum, i);
        Line dx = i -> {
            double up = plus.at(i);
            double down = minus.at(i);
            double sum = up + down;
            if (Double.isNaN(sum)) {
                return Double.NaN;
            }
            return Windows.nearZero(sum) ? 0 : 100 * Math.abs(up - down) / sum;
        };
        this.adx = Ema.wilder(in.series(), dx, n);
    }

    Line plus() {
        return plus;
    }

    Line minus() {
        return minus;
    }

    Line adx() {
        return adx;
    }

    /** The move in one direction counts when it is positive and larger than the move the other way. */
    private static double move(double move, double other) {
        if (Double.isNaN(move + other)) {
            return Double.NaN;
        }
        return move > 0 && move > other ? move : 0;
    }

    /** 100 x moves / ranges, from the bar after the running sums start; 0 when the range is (almost) 0. */
    private static double percent(WilderSum moves, WilderSum ranges, int i) {
        if (Double.isNaN(ranges.at(i - 1))) {
            return Double.NaN;
        }
        double range = ranges.at(i);
        return Windows.nearZero(range) ? 0 : 100 * moves.at(i) / range;
    }
}
