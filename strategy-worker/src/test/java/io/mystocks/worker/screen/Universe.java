package io.mystocks.worker.screen;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Market;
import io.mystocks.worker.market.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made universe whose scores are worked out by hand in the tests. Four symbols have
 * fundamentals; {@code EEEE} is listed without any and must be skipped. The technical screens' tests
 * add symbols with daily bars instead.
 *
 * <pre>
 * symbol  pe   pb   roe    revenue  profit  yield  market cap
 * AAAA    10   1.0  0.20   0.05     0.04    0.04   50e9
 * BBBB    20   2.0  0.15   0.30     0.40    0.02   200e9
 * CCCC    30   3.0  0.10   0.15     0.10    0.01   10e9
 * DDDD    -5   0.5  -0.05  -0.10    -0.50   0.00   5e9     (a loss maker)
 * </pre>
 */
final class Universe {
    static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

    private final Map<String, Instrument> instruments = new HashMap<>();
    private final Map<String, Fundamentals> fundamentals = new HashMap<>();
    private final Map<String, LatestQuote> quotes = new HashMap<>();
    private final Map<String, List<Bar>> dailyBars = new HashMap<>();

    static Universe handMade() {
        return new Universe()
                .with("AAAA", "Alpha", "Consumer", 10, 1.0, 0.20, 0.05, 0.04, 0.04, 50e9)
                .with("BBBB", "Beta", "Technology", 20, 2.0, 0.15, 0.30, 0.40, 0.02, 200e9)
                .with("CCCC", "Gamma", "Industrials", 30, 3.0, 0.10, 0.15, 0.10, 0.01, 10e9)
                .with("DDDD", "Delta", "Materials", -5, 0.5, -0.05, -0.10, -0.50, 0.00, 5e9)
                .listed("EEEE", "Epsilon", "Utilities")
                .quoted("AAAA", "123.45");
    }

    Universe with(String symbol, String name, String sector, double pe, double pb, double roe, double revenue,
                  double profit, double yield, double marketCap) {
        listed(symbol, name, sector);
        fundamentals.put(symbol, new Fundamentals(symbol, pe, pb, roe, revenue, profit, yield, marketCap, AS_OF,
                true));
        return this;
    }

    Universe listed(String symbol, String name, String sector) {
        instruments.put(symbol, new Instrument(symbol, name, "NASDAQ", Market.US, "USD", sector, 1));
        return this;
    }

    Universe quoted(String symbol, String price) {
        BigDecimal p = new BigDecimal(price);
        quotes.put(symbol, new LatestQuote(symbol, p, p, p, p, null, null, null, 100, p.multiply(BigDecimal.TEN),
                1, AS_OF, Instant.parse("2026-10-01T14:00:00Z")));
        return this;
    }

    /** Lists a symbol without fundamentals and with closed daily bars of these closes, oldest first. */
    Universe withCloses(String symbol, double... closes) {
        listed(symbol, symbol, "Technology");
        dailyBars.put(symbol, new ArrayList<>(TestCloses.dailyBars(symbol, closes)));
        return this;
    }

    /** Adds a forming daily bar after a symbol's closed ones. */
    Universe forming(String symbol, double close) {
        List<Bar> bars = dailyBars.get(symbol);
        bars.add(TestCloses.dailyBar(symbol, TestCloses.FIRST_DAY.plusDays(bars.size()), close, false));
        return this;
    }

    MarketSnapshot snapshot() {
        Map<String, List<Bar>> bars = Map.copyOf(dailyBars);
        return new MarketSnapshot(instruments, fundamentals, quotes, (symbol, interval) ->
                interval == Interval.D1 ? List.copyOf(bars.getOrDefault(symbol, List.of())) : List.of());
    }
}
