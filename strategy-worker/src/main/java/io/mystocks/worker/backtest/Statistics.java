package io.mystocks.worker.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Return and risk statistics of an equity curve, in doubles: they are estimates, and a rounding error
 * of 1e-15 changes none of them in a way anyone could read. Undefined figures are null (JSON has no NaN).
 */
final class Statistics {
    private static final double DAYS_PER_YEAR = 365.25;

    private Statistics() {
    }

    /** {@code equity[t] / equity[t - 1] - 1} for every period after the first. */
    static double[] periodReturns(double[] equity) {
        double[] returns = new double[Math.max(0, equity.length - 1)];
        for (int t = 1; t < equity.length; t++) {
            returns[t - 1] = equity[t - 1] == 0 ? 0 : equity[t] / equity[t - 1] - 1;
        }
        return returns;
    }

    /** Compound annual growth over the calendar days between two dates; null over less than a day. */
    static Double annualizedReturn(double start, double end, LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last);
        if (days <= 0 || start <= 0 || end <= 0) {
            return null;
        }
        return Math.pow(end / start, DAYS_PER_YEAR / days) - 1;
    }

    /** Sample standard deviation of the period returns times {@code sqrt(periodsPerYear)}. */
    static Double volatility(double[] returns, int periodsPerYear) {
        Double deviation = standardDeviation(returns);
        return deviation == null ? null : deviation * Math.sqrt(periodsPerYear);
    }

    /** Mean excess return over its sample standard deviation, annualised; null without variation. */
    static Double sharpe(double[] returns, double riskFreePerPeriod, int periodsPerYear) {
        Double deviation = standardDeviation(returns);
        if (deviation == null || deviation == 0) {
            return null;
        }
        return (mean(returns) - riskFreePerPeriod) / deviation * Math.sqrt(periodsPerYear);
    }

    /**
     * Mean excess return over the downside deviation, the root mean square of the negative excess returns
     * taken over all periods, annualised; null without a losing period.
     */
    static Double sortino(double[] returns, double riskFreePerPeriod, int periodsPerYear) {
        if (returns.length < 2) {
            return null;
        }
        double squares = 0;
        for (double r : returns) {
            double shortfall = Math.min(0, r - riskFreePerPeriod);
            squares += shortfall * shortfall;
        }
        double downside = Math.sqrt(squares / returns.length);
        if (downside == 0) {
            return null;
        }
        return (mean(returns) - riskFreePerPeriod) / downside * Math.sqrt(periodsPerYear);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** Sample standard deviation (n - 1); null for fewer than two values. */
    static Double standardDeviation(double[] values) {
        if (values.length < 2) {
            return null;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /** The drawdown at every point and the deepest one, with its peak, trough and recovery. */
    static Drawdown drawdown(double[] equity) {
        double[] series = new double[equity.length];
        double peak = equity.length == 0 ? 0 : equity[0];
        int peakIndex = 0;
        double deepest = 0;
        int deepestPeak = 0;
        int trough = 0;
        for (int t = 0; t < equity.length; t++) {
            if (equity[t] > peak) {
                peak = equity[t];
                peakIndex = t;
            }
            series[t] = peak > 0 ? 1 - equity[t] / peak : 0;
            if (series[t] > deepest) {
                deepest = series[t];
                deepestPeak = peakIndex;
                trough = t;
            }
        }
        return new Drawdown(series, deepest, deepestPeak, trough, recovery(equity, deepestPeak, trough, deepest));
    }

    private static int recovery(double[] equity, int peak, int trough, double deepest) {
        if (deepest == 0) {
            return peak;
        }
        for (int t = trough + 1; t < equity.length; t++) {
            if (equity[t] >= equity[peak]) {
                return t;
            }
        }
        return -1;
    }

    /**
     * @param series   the fall from the running peak at each point, 0 to 1
     * @param max      the deepest fall
     * @param peak     index of the peak before the deepest fall
     * @param trough   index of its bottom
     * @param recovery index where the equity regained the peak, or -1
     */
    record Drawdown(double[] series, double max, int peak, int trough, int recovery) {

        /** Index where the deepest drawdown ended: its recovery, or the last point. */
        int end(int points) {
            return recovery >= 0 ? recovery : points - 1;
        }
    }
}
