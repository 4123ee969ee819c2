package io.mystocks.worker.backtest;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Bars for the tests: real Apple daily bars of 2013 from ta4j-examples, and hand-made ones. */
final class TestBars {
    /** 252 daily bars of Apple (NASDAQ) from 2013-01-02 to 2013-12-31, in the root of the ta4j-examples jar. */
    static final String APPLE_CSV = "/appleinc_bars_from_20130101_usd.csv";

    private TestBars() {
    }

    /** The Apple bars under {@code symbol}: AAPL trades as a US stock, a six-digit symbol as a CN one. */
    static List<Bar> apple(String symbol) {
        List<Bar> bars = new ArrayList<>();
        try (InputStream in = TestBars.class.getResourceAsStream(APPLE_CSV)) {
            if (in == null) {
                throw new IllegalStateException(APPLE_CSV + " is not on the test classpath (org.ta4j:ta4j-examples)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                bars.add(daily(symbol, LocalDate.parse(f[0]), f[1], f[2], f[3], f[4], Long.parseLong(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bars;
    }

    static Bar daily(String symbol, LocalDate day, String open, String high, String low, String close, long volume) {
        ZoneId zone = Market.of(symbol).zone();
        return new Bar(symbol, Interval.D1, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), day, new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), volume, BigDecimal.ZERO, 1, true);
    }

    /** A daily bar whose high and low are its open and close. */
    static Bar daily(String symbol, LocalDate day, String open, String close) {
        BigDecimal o = new BigDecimal(open);
        BigDecimal c = new BigDecimal(close);
        return daily(symbol, day, open, o.max(c).toPlainString(), o.min(c).toPlainString(), close, 1000);
    }

    /** Daily bars on consecutive days from {@code first}, each opening at the previous close. */
    static List<Bar> dailyCloses(String symbol, LocalDate first, String... closes) {
        List<Bar> bars = new ArrayList<>();
        String open = closes[0];
        for (int i = 0; i < closes.length; i++) {
            bars.add(daily(symbol, first.plusDays(i), open, closes[i]));
            open = closes[i];
        }
        return bars;
    }

    /** An hourly CN bar of {@code day} opening at {@code time} local. */
    static Bar hourly(String symbol, LocalDate day, LocalTime time, String open, String close) {
        ZoneId zone = Market.of(symbol).zone();
        BigDecimal o = new BigDecimal(open);
        BigDecimal c = new BigDecimal(close);
        return new Bar(symbol, Interval.H1, day.atTime(time).atZone(zone).toInstant(),
                day.atTime(time.plusHours(1)).atZone(zone).toInstant(), day, o, o.max(c), o.min(c), c, 1000,
                BigDecimal.ZERO, 1, true);
    }

    /**
     * A seeded random walk of {@code count} daily bars on weekdays from {@code first}, moves of about 2 %
     * a day, opens near the previous close.
     */
    static List<Bar> randomWalk(String symbol, LocalDate first, int count, long seed) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>(count);
        double close = 50;
        LocalDate day = first;
        for (int i = 0; i < count; i++) {
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            double open = close * (1 + random.nextGaussian() * 0.004);
            close = Math.max(1, open * (1 + random.nextGaussian() * 0.02));
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.01);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.01);
            bars.add(daily(symbol, day, cents(open), cents(high), cents(low), cents(close), 100_000));
            day = day.plusDays(1);
        }
        return bars;
    }

    private static String cents(double price) {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
