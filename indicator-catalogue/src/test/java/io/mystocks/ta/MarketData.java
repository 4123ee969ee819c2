package io.mystocks.ta;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Real bars shipped in the ta4j-examples jar: Apple's 252 daily bars of 2013 (columns date, open, high,
 * low, close, volume) and 580 five-minute ETH/USD bars of March 2023, whose fractional volumes are scaled
 * by 100,000 to fit the contracts' whole-number volume.
 */
final class MarketData {
    private static final List<Bar> APPLE = loadApple();
    private static final List<Bar> ETHER = loadEther();

    private MarketData() {
    }

    static List<Bar> apple() {
        return APPLE;
    }

    static List<Bar> ether() {
        return ETHER;
    }

    static double[] closes(List<Bar> bars) {
        return bars.stream().mapToDouble(bar -> bar.close().doubleValue()).toArray();
    }

    static double[] highs(List<Bar> bars) {
        return bars.stream().mapToDouble(bar -> bar.high().doubleValue()).toArray();
    }

    static double[] lows(List<Bar> bars) {
        return bars.stream().mapToDouble(bar -> bar.low().doubleValue()).toArray();
    }

    static double[] opens(List<Bar> bars) {
        return bars.stream().mapToDouble(bar -> bar.open().doubleValue()).toArray();
    }

    static double[] volumes(List<Bar> bars) {
        return bars.stream().mapToDouble(bar -> (double) bar.volume()).toArray();
    }

    static Bar bar(String symbol, Interval interval, Instant open, Duration length, double[] ohlc, long volume) {
        BigDecimal close = BigDecimal.valueOf(ohlc[3]);
        return new Bar(symbol, interval, open, open.plus(length), LocalDate.ofInstant(open, ZoneOffset.UTC),
                BigDecimal.valueOf(ohlc[0]), BigDecimal.valueOf(ohlc[1]), BigDecimal.valueOf(ohlc[2]), close, volume,
                close.multiply(BigDecimal.valueOf(volume)), 1, true);
    }

    private static List<Bar> loadApple() {
        String text = read("appleinc_bars_from_20130101_usd.csv");
        List<Bar> bars = new ArrayList<>();
        for (String line : text.lines().skip(1).toList()) {
            String[] cells = line.split(",");
            Instant open = LocalDate.parse(cells[0]).atStartOfDay(ZoneOffset.UTC).toInstant();
            double[] ohlc = {Double.parseDouble(cells[1]), Double.parseDouble(cells[2]), Double.parseDouble(cells[3]),
                    Double.parseDouble(cells[4])};
            bars.add(bar("AAPL", Interval.D1, open, Duration.ofDays(1), ohlc, Long.parseLong(cells[5])));
        }
        return List.copyOf(bars);
    }

    private static List<Bar> loadEther() {
        JsonNode root = Json.mapper().readTree(read("ETH-USD-PT5M-2023-3-13_2023-3-15.json"));
        List<Bar> bars = new ArrayList<>();
        for (JsonNode node : root.get("ohlc")) {
            Instant close = Instant.ofEpochMilli(node.get("endTime").asLong() + 1);
            double[] ohlc = {node.get("openPrice").asDouble(), node.get("highPrice").asDouble(),
                    node.get("lowPrice").asDouble(), node.get("closePrice").asDouble()};
            long volume = node.get("volume").decimalValue().movePointRight(5).longValueExact();
            bars.add(bar("ETHUSD", Interval.M5, close.minus(Duration.ofMinutes(5)), Duration.ofMinutes(5), ohlc,
                    volume));
        }
        return List.copyOf(bars);
    }

    private static String read(String resource) {
        try (InputStream in = MarketData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path (ta4j-examples)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
