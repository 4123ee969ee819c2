package io.mystocks.bench.api;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The seed's GET requests, weighted by the request counts of its report (the old service's Locust test), with
 * the writes and the job result left out: what the saturation scenario of the load test plays. Symbols,
 * indicators and k-line intervals are drawn at random, so that answers come from every series and no single
 * cache entry takes the load.
 */
final class ReadMix {
    private static final List<String> INDICATORS = List.of("SMA", "EMA", "RSI", "MACD", "BOLL", "KDJ", "MA", "ATR",
            "CCI", "WR", "OBV", "STOCH", "ADX", "ROC", "MFI", "SAR");
    private static final List<String> INTERVALS = List.of("1d", "1w", "1m");
    private static final int BATCH = 5;

    /** The routes and their seed request counts, in the order {@link #path} draws them. */
    private static final Route[] ROUTES = {
        new Route("/", 2_652), new Route("/health", 4_138), new Route("/api/csrf-token", 2_868),
        new Route("/api/data/stock/{symbol}", 7_270), new Route("/api/data/kline/{symbol}", 4_357),
        new Route("/api/data/realtime/{symbol}", 2_969), new Route("/api/data/batch-realtime", 1_456),
        new Route("/api/indicators/{symbol}/{indicator}", 7_926), new Route("/api/indicators/{symbol}/all", 5_431),
        new Route("/api/technical-analysis/{symbol}", 2_653), new Route("/api/cache/stats", 8_011),
        new Route("/api/cache/info", 5_345), new Route("/api/strategies", 6_019),
    };
    private static final int TOTAL = total();

    private final List<String> symbols;

    ReadMix(List<String> symbols) {
        this.symbols = List.copyOf(symbols);
    }

    /** The route index of a draw, for per-route figures. */
    static int routes() {
        return ROUTES.length;
    }

    static String template(int route) {
        return ROUTES[route].template();
    }

    /** A route drawn by weight. */
    static int draw(RandomGenerator random) {
        int ticket = random.nextInt(TOTAL);
        for (int i = 0; i < ROUTES.length; i++) {
            ticket -= ROUTES[i].weight();
            if (ticket < 0) {
                return i;
            }
        }
        return ROUTES.length - 1;
    }

    /** A request path of the route, with its symbol, indicator or interval drawn at random. */
    String path(int route, RandomGenerator random) {
        String symbol = pick(symbols, random);
        return switch (ROUTES[route].template()) {
            case "/api/data/stock/{symbol}" -> "/api/data/stock/" + symbol;
            case "/api/data/kline/{symbol}" -> "/api/data/kline/" + symbol + "?interval=" + pick(INTERVALS, random)
                    + "&limit=100";
            case "/api/data/realtime/{symbol}" -> "/api/data/realtime/" + symbol;
            case "/api/data/batch-realtime" -> "/api/data/batch-realtime?symbols=" + batch(random);
            case "/api/indicators/{symbol}/{indicator}" -> "/api/indicators/" + symbol + "/"
                    + pick(INDICATORS, random);
            case "/api/indicators/{symbol}/all" -> "/api/indicators/" + symbol + "/all";
            case "/api/technical-analysis/{symbol}" -> "/api/technical-analysis/" + symbol;
            default -> ROUTES[route].template();
        };
    }

    private String batch(RandomGenerator random) {
        StringBuilder batch = new StringBuilder();
        int first = random.nextInt(symbols.size());
        for (int i = 0; i < Math.min(BATCH, symbols.size()); i++) {
            if (i > 0) {
                batch.append(',');
            }
            batch.append(symbols.get((first + i) % symbols.size()));
        }
        return batch.toString();
    }

    private static String pick(List<String> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }

    private static int total() {
        int total = 0;
        for (Route route : ROUTES) {
            total += route.weight();
        }
        return total;
    }

    private record Route(String template, int weight) {
    }
}
