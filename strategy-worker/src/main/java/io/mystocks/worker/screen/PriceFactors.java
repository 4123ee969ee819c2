package io.mystocks.worker.screen;

import java.util.Arrays;

/**
 * Technical factors over a symbol's {@link DailyCloses}, each as of the latest close. A factor needs a
 * fixed number of closes; with fewer it reads no value, and says how many it needs and how many there
 * are, rather than measure a shorter window that would not compare with the other symbols' values.
 * Returns and drawdowns are fractions (0.12 is 12 %).
 */
final class PriceFactors {
    /** Trading days in a year, to annualise a daily volatility. */
    static final int TRADING_DAYS_PER_YEAR = 252;

    private PriceFactors() {
    }

    /**
     * The simple return from the close {@code from} bars ago to the close {@code to} bars ago; with
     * {@code to} 0, up to the latest close.
     */
    static Reading change(DailyCloses closes, int from, int to) {
        if (to < 0 || from <= to) {
            throw new IllegalArgumentException("the return must run forward in time, not from " + from
                    + " to " + to + " bars ago");
        }
        int needed = from + 1;
        if (closes.size() < needed) {
            return tooFew(needed, closes);
        }
        return Reading.of(closes.barsAgo(to) / closes.barsAgo(from) - 1);
    }

    /**
     * How far the latest close stands above the simple average of the latest {@code period} closes, itself
     * included: 0.05 is 5 % above, a negative value below.
     */
    static Reading aboveAverage(DailyCloses closes, int period) {
        requireAtLeast(1, period, "period");
        if (closes.size() < period) {
            return tooFew(period, closes);
        }
        double sum = 0;
        for (int i = 0; i < period; i++) {
            sum += closes.barsAgo(i);
        }
        return Reading.of(closes.barsAgo(0) / (sum / period) - 1);
    }

    /**
     * The annualised volatility of the latest {@code days} daily log returns: their sample standard
     * deviation times the square root of {@value #TRADING_DAYS_PER_YEAR}.
     */
    static Reading volatility(DailyCloses closes, int days) {
        requireAtLeast(2, days, "days");
        int needed = days + 1;
        if (closes.size() < needed) {
            return tooFew(needed, closes);
        }
        double[] returns = new double[days];
        for (int i = 0; i < days; i++) {
            returns[i] = Math.log(closes.barsAgo(i) / closes.barsAgo(i + 1));
        }
        double mean = Arrays.stream(returns).average().orElseThrow();
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        return Reading.of(Math.sqrt(squares / (days - 1)) * Math.sqrt(TRADING_DAYS_PER_YEAR));
    }

    /**
     * The largest fall from a close to a later one within the latest {@code days} days (from the close
     * {@code days} bars ago to the latest), as a positive fraction of the earlier close; 0 when the closes
     * never fell.
     */
    static Reading maxDrawdown(DailyCloses closes, int days) {
        requireAtLeast(1, days, "days");
        int needed = days + 1;
        if (closes.size() < needed) {
            return tooFew(needed, closes);
        }
        double peak = closes.barsAgo(days);
        double worst = 0;
        for (int ago = days - 1; ago >= 0; ago--) {
            double close = closes.barsAgo(ago);
            peak = Math.max(peak, close);
            worst = Math.max(worst, 1 - close / peak);
        }
        return Reading.of(worst);
    }

    private static Reading tooFew(int needed, DailyCloses closes) {
        return Reading.unavailable("needs " + needed + " closed daily bars, has " + closes.size());
    }

    private static void requireAtLeast(int least, int value, String name) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", not " + value);
        }
    }
}
