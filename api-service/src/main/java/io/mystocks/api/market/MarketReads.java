package io.mystocks.api.market;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import io.mystocks.contracts.Symbols;
import io.mystocks.ta.BoundSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What other features may read of the market read model, checked the way the market endpoints check
 * their requests: symbols, intervals and limits parse alike everywhere, and every reader answers 503
 * while the read model is loading. Reads are lock-free map lookups, safe from any thread.
 */
public final class MarketReads {
    /** The description of a symbol path variable, for the OpenAPI document. */
    public static final String SYMBOL_DESCRIPTION = "six digits for an A-share (600519) or an upper-case ticker "
            + "(AAPL); lower case is upper-cased";

    private static final ApiException LOADING = ApiException.unavailable("market data is still loading: the "
            + "read model is catching up with Kafka; retry in a second", Duration.ofSeconds(1));

    private final MarketStore store;
    private final int maxBarsPerSeries;
    private final SeriesIndicators indicators;

    MarketReads(MarketStore store, int maxBarsPerSeries, SeriesIndicators indicators) {
        this.store = store;
        this.maxBarsPerSeries = maxBarsPerSeries;
        this.indicators = indicators;
    }

    /**
     * The symbol upper-cased, once it is valid and the read model is ready.
     *
     * @throws ApiException 400 for a malformed symbol, 503 while the read model is loading
     */
    public String requireReadable(String symbol) {
        return requireReadable(store, symbol);
    }

    /**
     * The interval of an {@code interval} or {@code period} parameter as k-lines read them, 1d when both
     * are absent; a problem is added to {@code violations} and 1d returned.
     */
    public Interval interval(String interval, String period, List<FieldViolation> violations) {
        return KlineQuery.interval(interval, period, violations);
    }

    /**
     * The interval of an {@code interval} or {@code period} parameter as k-lines read them, 1d when both
     * are absent.
     *
     * @throws ApiException 400 naming the parameter when it is not an interval, or when the two disagree
     */
    public Interval interval(String interval, String period) {
        List<FieldViolation> violations = new ArrayList<>(0);
        Interval parsed = interval(interval, period, violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return parsed;
    }

    /**
     * A {@code limit} parameter from 1 to the bars kept per series, 100 when absent; a problem is added to
     * {@code violations}.
     */
    public int limit(String limit, List<FieldViolation> violations) {
        return KlineQuery.limit(limit, maxBarsPerSeries, violations);
    }

    /**
     * What {@code reader} computes from the series' bars with the indicator state kept between requests
     * (see {@link SeriesIndicators}): the series is brought up to every bar kept first, and read by one
     * reader at a time. The series must not escape the reader. Empty when no bar is kept.
     */
    public <T> T computed(String symbol, Interval interval, Function<BoundSeries, T> reader) {
        return indicators.read(symbol, interval, reader);
    }

    /**
     * The series' bar version, once something is known of the symbol: the version of the data a computation
     * ({@link #computed}) is about to read. Read it before computing, so that what is cached under it is never
     * older than it.
     *
     * @throws ApiException 404 when no bar of the series is kept and nothing else is known of the symbol
     */
    public long requireKnown(String symbol, Interval interval) {
        long version = store.barVersion(symbol, interval);
        if (version == 0 && !store.knows(symbol)) {
            throw unknown(symbol);
        }
        return version;
    }

    /** The latest snapshot indicator-streams published for the series, or null. */
    public IndicatorSnapshot indicators(String symbol, Interval interval) {
        return store.indicators(symbol, interval);
    }

    /** Whether reference data or a quote is known for the symbol. */
    public boolean knows(String symbol) {
        return store.knows(symbol);
    }

    /** A bar's date as k-lines show it: the trading day, or the market-local open time for intraday bars. */
    public static String date(Bar bar) {
        return MarketViews.date(bar, Market.of(bar.symbol()).zone());
    }

    /** The 404 for a symbol nothing is known of. */
    public static ApiException unknown(String symbol) {
        return ApiException.notFound("unknown symbol " + symbol + ": no instrument or quote is known for it; "
                + "see the reference.instruments topic for the listed symbols");
    }

    static String requireReadable(MarketStore store, String symbol) {
        String normalised = symbol.trim().toUpperCase(Locale.ROOT);
        if (!Symbols.isValid(normalised)) {
            throw ApiException.invalid(new FieldViolation("symbol", "INVALID_SYMBOL", "symbol '" + symbol
                    + "' is not valid: use six digits for an A-share (600519) or an upper-case ticker of up to "
                    + "ten characters (AAPL, BRK.B)"));
        }
        requireReady(store);
        return normalised;
    }

    static void requireReady(MarketStore store) {
        if (!store.isReady()) {
            throw LOADING;
        }
    }
}
