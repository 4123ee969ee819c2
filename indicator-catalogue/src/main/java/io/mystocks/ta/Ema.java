package io.mystocks.ta;

import org.ta4j.core.BarSeries;

/**
 * An exponential moving average {@code ema = previous + k * (value - previous)} and the seed it starts
 * from. With {@code k = 2 / (n + 1)} it is the classic EMA; with {@code k = 1 / n} Wilder's smoothing
 * (RSI, ATR, ADX) and the Chinese {@code SMA(X, N, 1)} of KDJ.
 */
final class Ema extends Recursive {
    /** Where the average starts. */
    enum Seed {
        /** The mean of the first {@code n} values, at the n-th: TA-Lib's EMA, RSI, ATR, ADX. */
        MEAN,
        /** The first value itself: TA-Lib's ADOSC. */
        FIRST,
        /** A fixed value before the first one, such as KDJ's 50. */
        FIXED
    }

    private final Line source;
    private final int n;
    private final double k;
    private final Seed seed;
    private final double fixed;
    private final int notBefore;

    private Ema(BarSeries series, Line source, int n, double k, Seed seed, double fixed, int notBefore) {
        super(series);
        this.source = source;
        this.n = n;
        this.k = k;
        this.seed = seed;
        this.fixed = fixed;
        this.notBefore = notBefore;
    }

    /** The classic EMA, {@code k = 2 / (n + 1)}, seeded with the mean of the first n values. */
    static Ema classic(BarSeries series, Line source, int n) {
        return new Ema(series, source, n, 2.0 / (n + 1), Seed.MEAN, 0, 0);
    }

    /**
     * The classic EMA seeded no earlier than {@code notBefore} bars into the series: TA-Lib's MACD starts
     * its fast average where the slow one starts.
     */
    static Ema classicFrom(BarSeries series, Line source, int n, int notBefore) {
        return new Ema(series, source, n, 2.0 / (n + 1), Seed.MEAN, 0, notBefore);
    }

    /** The classic EMA seeded with the first value. */
    static Ema fromFirst(BarSeries series, Line source, int n) {
        return new Ema(series, source, n, 2.0 / (n + 1), Seed.FIRST, 0, 0);
    }

    /** Wilder's smoothing, {@code k = 1 / n}, seeded with the mean of the first n values. */
    static Ema wilder(BarSeries series, Line source, int n) {
        return new Ema(series, source, n, 1.0 / n, Seed.MEAN, 0, 0);
    }

    /** The Chinese {@code SMA(X, n, 1)}: {@code k = 1 / n}, starting from {@code start} before the first value. */
    static Ema chinese(BarSeries series, Line source, int n, double start) {
        return new Ema(series, source, n, 1.0 / n, Seed.FIXED, start, 0);
    }

    @Override
    double compute(int index) {
        double value = source.at(index);
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        double previous = previous(index);
        if (!Double.isNaN(previous)) {
            return previous + k * (value - previous);
        }
        if (offset(index) < notBefore) {
            return Double.NaN;
        }
        return switch (seed) {
            case MEAN -> Windows.mean(source, index, n);
            case FIRST -> value;
            case FIXED -> fixed + k * (value - fixed);
        };
    }
}
