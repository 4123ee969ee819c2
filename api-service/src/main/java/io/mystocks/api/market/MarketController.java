package io.mystocks.api.market;

import io.mystocks.api.cache.EncodedViews;
import io.mystocks.api.cache.ResponseCache;
import io.mystocks.api.cache.ResponseCaches;
import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.ReadRoute;
import io.mystocks.api.web.ReadRoutes;
import io.mystocks.api.web.Replies;
import io.mystocks.api.web.Reply;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.LatestQuote;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Market reads, answered from the in-memory read model without blocking or network calls. The JSON of a
 * symbol's stock and quote views is kept until one of the values it shows is replaced, and a batch is put
 * together from the kept quote views; k-lines are cached under the series' bar version.
 */
@RestController
@RequestMapping(path = "/api/data", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "market", description = "Reference data, realtime quotes and k-line bars from the in-memory read model")
final class MarketController implements ReadRoutes {
    static final String KLINE_CACHE = "kline";
    private static final String SYMBOL = MarketReads.SYMBOL_DESCRIPTION;
    private static final byte[] BATCH_OPENING = ascii("{\"quotes\":[");
    private static final byte[] BATCH_UNKNOWN = ascii("],\"unknown\":");
    private static final byte[] BATCH_INVALID = ascii(",\"invalid\":");

    private final MarketStore store;
    private final Replies replies;
    private final ResponseCache klines;
    private final EncodedViews<String> stocks = new EncodedViews<>();
    private final EncodedViews<String> quotes = new EncodedViews<>();
    private final int maxLimit;
    private final int batchMaxSymbols;

    MarketController(MarketStore store, Replies replies, ResponseCaches caches, ReadModelProperties properties,
                     MarketApiProperties api) {
        this.store = store;
        this.replies = replies;
        this.klines = caches.cache(KLINE_CACHE);
        this.maxLimit = properties.maxBarsPerSeries();
        this.batchMaxSymbols = api.batchMaxSymbols();
    }

    @Override
    public List<ReadRoute> readRoutes() {
        return List.of(
                ReadRoute.of("/api/data/stock/{symbol}", request -> stock(request.path("symbol"))),
                ReadRoute.of("/api/data/realtime/{symbol}", request -> realtime(request.path("symbol"))),
                ReadRoute.of("/api/data/batch-realtime", request -> batchRealtime(request.query("symbols"))),
                ReadRoute.deferred("/api/data/kline/{symbol}", request -> kline(request.path("symbol"),
                        request.query("interval"), request.query("period"), request.query("limit"),
                        request.query("start"), request.query("end"))));
    }

    @GetMapping("/stock/{symbol}")
    @Operation(summary = "Reference data, fundamentals and latest quote of a symbol",
            description = "fundamentals.sample is true when the figures are illustrative sample data; "
                    + "fundamentals and quote are null when not known yet. 404 for a symbol nothing is known of.")
    Reply<MarketViews.Stock> stock(@Parameter(description = SYMBOL) @PathVariable String symbol) {
        String valid = MarketReads.requireReadable(store, symbol);
        Instrument instrument = store.instrument(valid);
        LatestQuote quote = store.quote(valid);
        if (instrument == null && quote == null) {
            throw MarketReads.unknown(valid);
        }
        Fundamentals fundamentals = store.fundamentals(valid);
        return Reply.ofJson(stocks.get(valid, instrument, fundamentals, quote,
                () -> replies.encode(MarketViews.stock(valid, instrument, fundamentals, quote))));
    }

    @GetMapping("/realtime/{symbol}")
    @Operation(summary = "Latest quote of a symbol with change and change percent",
            description = "404 for an unknown symbol, or a known one that has not traded yet.")
    Reply<MarketViews.RealtimeQuote> realtime(@Parameter(description = SYMBOL) @PathVariable String symbol) {
        String valid = MarketReads.requireReadable(store, symbol);
        LatestQuote quote = store.quote(valid);
        Instrument instrument = store.instrument(valid);
        if (quote == null) {
            throw instrument == null ? MarketReads.unknown(valid) : ApiException.notFound("no quote for " + valid
                    + " yet: it has not traded since its data began (market closed or feed behind); try later");
        }
        return Reply.ofJson(quoteJson(valid, quote, instrument));
    }

    @GetMapping("/batch-realtime")
    @Operation(summary = "Latest quotes of several symbols",
            description = "Duplicates count once. Entries that are not symbols are listed under invalid, symbols "
                    + "without a quote under unknown; neither fails the request. 400 when no symbol is given or "
                    + "more than mystocks.market.batch-max-symbols (default 50).")
    Reply<MarketViews.BatchQuotes> batchRealtime(
            @Parameter(description = "comma-separated symbols, such as 600519,000001,AAPL")
            @RequestParam(required = false) String symbols) {
        BatchSymbols batch = BatchSymbols.parse(symbols, batchMaxSymbols);
        MarketReads.requireReady(store);
        ByteArrayOutputStream json = new ByteArrayOutputStream(512 * batch.valid().size() + 64);
        json.writeBytes(BATCH_OPENING);
        List<String> unknown = new ArrayList<>(0);
        boolean first = true;
        for (String symbol : batch.valid()) {
            LatestQuote quote = store.quote(symbol);
            if (quote == null) {
                unknown.add(symbol);
                continue;
            }
            if (!first) {
                json.write(',');
            }
            json.writeBytes(quoteJson(symbol, quote, store.instrument(symbol)));
            first = false;
        }
        json.writeBytes(BATCH_UNKNOWN);
        json.writeBytes(replies.encode(unknown));
        json.writeBytes(BATCH_INVALID);
        json.writeBytes(replies.encode(batch.invalid()));
        json.write('}');
        return Reply.ofJson(json.toByteArray());
    }

    @GetMapping("/kline/{symbol}")
    @Operation(summary = "K-line bars of a symbol, oldest first",
            description = "Dates are market-local days; the first kept bar has no amplitude or change_percent.")
    Mono<Reply<MarketViews.Kline>> kline(
            @Parameter(description = SYMBOL) @PathVariable String symbol,
            @Parameter(description = "bar interval: 1m 5m 15m 30m 60m 1d 1w 1M (default 1d)")
            @RequestParam(required = false) String interval,
            @Parameter(description = "daily, weekly or monthly; an alternative to interval")
            @RequestParam(required = false) String period,
            @Parameter(description = "newest bars to return, 1 to mystocks.read-model.max-bars-per-series "
                    + "(default 100)") @RequestParam(required = false) String limit,
            @Parameter(description = "first day or date-time wanted, ISO, market-local unless it has an offset")
            @RequestParam(required = false) String start,
            @Parameter(description = "last day or date-time wanted, inclusive")
            @RequestParam(required = false) String end) {
        String valid = MarketReads.requireReadable(store, symbol);
        KlineQuery query = KlineQuery.parse(valid, interval, period, limit, start, end, maxLimit);
        long version = store.barVersion(valid, query.interval());
        if (version == 0 && !store.knows(valid)) {
            throw MarketReads.unknown(valid);
        }
        return klines.get(query.cacheKey(), Long.toString(version), () -> klineJson(query))
                .map(Reply::ofJson);
    }

    private byte[] klineJson(KlineQuery query) {
        BarSeries.Window window = store.bars(query.symbol(), query.interval(), query.from(), query.to(),
                query.limit());
        if (window.bars().isEmpty() && !store.knows(query.symbol())) {
            throw MarketReads.unknown(query.symbol());
        }
        return replies.encode(MarketViews.kline(query, window));
    }

    private byte[] quoteJson(String symbol, LatestQuote quote, Instrument instrument) {
        return quotes.get(symbol, quote, instrument, null,
                () -> replies.encode(MarketViews.realtime(quote, instrument)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
