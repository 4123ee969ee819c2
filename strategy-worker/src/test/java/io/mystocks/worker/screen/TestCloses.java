package io.mystocks.worker.screen;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Close series whose factors are easy to work out by hand, and daily bars that carry them. */
final class TestCloses {
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

    private TestCloses() {
    }

    /** {@code count} closes from {@code first}, each {@code rate} above the one before (-0.01 falls 1 %). */
    static double[] compounding(int count, double first, double rate) {
        double[] closes = new double[count];
        for (int i = 0; i < count; i++) {
            closes[i] = first * Math.pow(1 + rate, i);
        }
        return closes;
    }

    /** {@code count} closes of {@code price}. */
    static double[] flat(int count, double price) {
        return compounding(count, price, 0);
    }

    /** {@code count} closes alternating {@code low}, {@code high}, {@code low}... */
    static double[] zigZag(int count, double low, double high) {
        double[] closes = new double[count];
        for (int i = 0; i < count; i++) {
            closes[i] = i % 2 == 0 ? low : high;
        }
        return closes;
    }

    /** {@code before} closes of {@code from}, then {@code after} closes of {@code to}. */
    static double[] step(int before, double from, int after, double to) {
        double[] closes = new double[before + after];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = i < before ? from : to;
        }
        return closes;
    }

    /** Closed daily bars on consecutive days from {@link #FIRST_DAY}, one a close. */
    static List<Bar> dailyBars(String symbol, double... closes) {
        List<Bar> bars = new ArrayList<>(closes.length);
        for (double close : closes) {
            bars.add(dailyBar(symbol, FIRST_DAY.plusDays(bars.size()), close, true));
        }
        return bars;
    }

    /** A daily bar whose open, high, low and close are all {@code close}. */
    static Bar dailyBar(String symbol, LocalDate day, double close, boolean closed) {
        ZoneId zone = Market.of(symbol).zone();
        BigDecimal price = BigDecimal.valueOf(close);
        return new Bar(symbol, Interval.D1, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), day, price, price, price, price, 1000,
                price.multiply(BigDecimal.valueOf(1000)), 1, closed);
    }
}
