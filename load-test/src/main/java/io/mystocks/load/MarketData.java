package io.mystocks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * What the requests ask for: symbols of the local stack's universe (read from {@code symbols.csv}, or the
 * {@code symbols} setting), indicator names the catalogue knows, the seed's k-line intervals. The feeder
 * draws uniformly at random, so every symbol's keys are read and no single cache entry takes all the load.
 */
final class MarketData {
    static final String SYMBOL = "symbol";
    static final String SYMBOLS = "symbols";
    static final String INDICATOR = "indicator";
    static final String INTERVAL = "interval";

    /** TA-Lib names and the Chinese-market aliases the old clients use. */
    static final List<String> INDICATORS = List.of("SMA", "EMA", "RSI", "MACD", "BOLL", "KDJ", "MA", "ATR", "CCI",
            "WR", "OBV", "STOCH", "ADX", "ROC", "MFI", "SAR");
    static final List<String> INTERVALS = List.of("1d", "1w", "1m");
    static final int KLINE_LIMIT = 100;
    static final int BATCH_SIZE = 5;

    private static final String SYMBOLS_RESOURCE = "symbols.csv";

    private final List<String> symbols;

    private MarketData(List<String> symbols) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("no symbols to request");
        }
        this.symbols = List.copyOf(symbols);
    }

    /** The symbols of the {@code symbols} setting (comma-separated), or else the bundled universe. */
    static MarketData from(Settings settings) {
        String listed = settings.text(SYMBOLS, null);
        if (listed != null) {
            return new MarketData(Arrays.stream(listed.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .toList());
        }
        return new MarketData(bundledSymbols());
    }

    List<String> symbols() {
        return symbols;
    }

    /**
     * An endless feeder: one symbol, a batch of distinct symbols, an indicator and an interval per draw. It
     * keeps no state between draws, so users may share it from any thread.
     */
    Iterator<Map<String, Object>> feeder() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return draw();
            }
        };
    }

    /** {@code count} distinct symbols (fewer when the list is shorter), comma-separated. */
    String batch(int count) {
        List<String> pool = new ArrayList<>(symbols);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int size = Math.min(count, pool.size());
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(pool.size() - i);
            pool.set(j, pool.set(i, pool.get(j)));
        }
        return pool.subList(0, size).stream().collect(Collectors.joining(","));
    }

    private Map<String, Object> draw() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Map.of(SYMBOL, pick(symbols, random), SYMBOLS, batch(BATCH_SIZE),
                INDICATOR, pick(INDICATORS, random), INTERVAL, pick(INTERVALS, random));
    }

    private static String pick(List<String> values, ThreadLocalRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> bundledSymbols() {
        try (InputStream in = MarketData.class.getResourceAsStream(SYMBOLS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SYMBOLS_RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.equals(SYMBOL))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SYMBOLS_RESOURCE, e);
        }
    }
}
