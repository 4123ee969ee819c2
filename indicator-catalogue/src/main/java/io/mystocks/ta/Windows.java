package io.mystocks.ta;

/**
 * Statistics over the last {@code n} values of a line ending at an index. A window that reaches an
 * undefined value is undefined.
 */
final class Windows {
    private Windows() {
    }

    static double sum(Line line, int end, int n) {
        double sum = 0;
        for (int i = end - n + 1; i <= end; i++) {
            sum += line.at(i);
        }
        return sum;
    }

    static double mean(Line line, int end, int n) {
        return sum(line, end, n) / n;
    }

    /** Weights 1 (oldest) to n (newest), as TA-Lib's WMA. */
    static double weighted(Line line, int end, int n) {
        double sum = 0;
        for (int weight = 1; weight <= n; weight++) {
            sum += weight * line.at(end - n + weight);
        }
        return sum / (n * (n + 1) / 2.0);
    }

    /** Population standard deviation (divides by n), as TA-Lib's STDDEV and BBANDS. */
    static double deviation(Line line, int end, int n) {
        double mean = mean(line, end, n);
        double squares = 0;
        for (int i = end - n + 1; i <= end; i++) {
            double difference = line.at(i) - mean;
            squares += difference * difference;
        }
        return Math.sqrt(squares / n);
    }

    static double highest(Line line, int end, int n) {
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = end - n + 1; i <= end; i++) {
            double value = line.at(i);
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            highest = Math.max(highest, value);
        }
        return highest;
    }

    static double lowest(Line line, int end, int n) {
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = end - n + 1; i <= end; i++) {
            double value = line.at(i);
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            lowest = Math.min(lowest, value);
        }
        return lowest;
    }

    static Line sma(Line line, int n) {
        return i -> mean(line, i, n);
    }

    /**
     * Where the value sits in the range of the last {@code n} bars, 0 to 100; 0 when the range is empty,
     * as TA-Lib's fast %K.
     */
    static double stochastic(double value, double highest, double lowest) {
        double range = highest - lowest;
        if (Double.isNaN(range + value)) {
            return Double.NaN;
        }
        return range != 0 ? (value - lowest) / range * 100 : 0;
    }

    /** TA-Lib's test for a divisor too small to divide by. */
    static boolean nearZero(double value) {
        return value > -1e-8 && value < 1e-8;
    }
}
