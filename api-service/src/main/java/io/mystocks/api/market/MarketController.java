package io.mystocks.api.market;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.Envelope;
import io.mystocks.api.web.Envelopes;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.LatestQuote;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Market reads, answered from the in-memory read model without blocking or network calls. */
@RestController
@RequestMapping(path = "/api/data", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "market", description = "Reference data, realtime quotes and k-line bars from the in-memory read model")
final class MarketController {
    private static final String SYMBOL = MarketReads.SYMBOL_DESCRIPTION;

    private final MarketStore store;
    private final Envelopes envelopes;
    private final int maxLimit;
    private final int batchMaxSymbols;

    MarketController(MarketStore store, Envelopes envelopes, ReadModelProperties properties,
                     MarketApiProperties api) {
        this.store = store;
        this.envelopes = envelopes;
        this.maxLimit = properties.maxBarsPerSeries();
        this.batchMaxSymbols = api.batchMaxSymbols();
    }

    @GetMapping("/stock/{symbol}")
    @Operation(summary = "Reference data, fundamentals and latest quote of a symbol",
            description = "fundamentals.sample is true when the figures are illustrative sample data; "
                    + "fundamentals and quote are null when not known yet. 404 for a symbol nothing is known of.")
    Envelope<MarketViews.Stock> stock(@Parameter(description = SYMBOL) @PathVariable String symbol,
                                      ServerWebExchange exchange) {
        String valid = MarketReads.requireReadable(store, symbol);
        Instrument instrument = store.instrument(valid);
        LatestQuote quote = store.quote(valid);
        if (instrument == null && quote == null) {
            throw MarketReads.unknown(valid);
        }
        return envelopes.ok(exchange, MarketViews.stock(valid, instrument, store.fundamentals(valid), quote));
    }

    @GetMapping("/realtime/{symbol}")
    @Operation(summary = "Latest quote of a symbol with change and change percent",
            description = "404 for an unknown symbol, or a known one that has not traded yet.")
    Envelope<MarketViews.RealtimeQuote> realtime(@Parameter(description = SYMBOL) @PathVariable String symbol,
                                                 ServerWebExchange exchange) {
        String valid = MarketReads.requireReadable(store, symbol);
        LatestQuote quote = store.quote(valid);
        Instrument instrument = store.instrument(valid);
        if (quote == null) {
            throw instrument == null ? MarketReads.unknown(valid) : ApiException.notFound("no quote for " + valid
                    + " yet: it has not traded since its data began (market closed or feed behind); try later");
        }
        return envelopes.ok(exchange, MarketViews.realtime(quote, instrument));
    }

    @GetMapping("/batch-realtime")
    @Operation(summary = "Latest quotes of several symbols",
            description = "Duplicates count once. Entries that are not symbols are listed under invalid, symbols "
                    + "without a quote under unknown; neither fails the request. 400 when no symbol is given or "
                    + "more than mystocks.market.batch-max-symbols (default 50).")
    Envelope<MarketViews.BatchQuotes> batchRealtime(
            @Parameter(description = "comma-separated symbols, such as 600519,000001,AAPL")
            @RequestParam(required = false) String symbols, ServerWebExchange exchange) {
        BatchSymbols batch = BatchSymbols.parse(symbols, batchMaxSymbols);
        MarketReads.requireReady(store);
        List<MarketViews.RealtimeQuote> quotes = new ArrayList<>(batch.valid().size());
        List<String> unknown = new ArrayList<>(0);
        for (String symbol : batch.valid()) {
            LatestQuote quote = store.quote(symbol);
            if (quote == null) {
                unknown.add(symbol);
            } else {
                quotes.add(MarketViews.realtime(quote, store.instrument(symbol)));
            }
        }
        return envelopes.ok(exchange, new MarketViews.BatchQuotes(quotes, unknown, batch.invalid()));
    }

    @GetMapping("/kline/{symbol}")
    @Operation(summary = "K-line bars of a symbol, oldest first",
            description = "Dates are market-local days; the first kept bar has no amplitude or change_percent.")
    Envelope<MarketViews.Kline> kline(
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
            @RequestParam(required = false) String end,
            ServerWebExchange exchange) {
        String valid = MarketReads.requireReadable(store, symbol);
        KlineQuery query = KlineQuery.parse(valid, interval, period, limit, start, end, maxLimit);
        BarSeries.Window window = store.bars(valid, query.interval(), query.from(), query.to(), query.limit());
        if (window.bars().isEmpty() && !store.knows(valid)) {
            throw MarketReads.unknown(valid);
        }
        return envelopes.ok(exchange, MarketViews.kline(query, window));
    }
}
