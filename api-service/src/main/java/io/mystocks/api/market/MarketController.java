package io.mystocks.api.market;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.Envelope;
import io.mystocks.api.web.Envelopes;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Symbols;
import java.time.Duration;
import java.util.Locale;
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
final class MarketController {
    private static final ApiException LOADING = ApiException.unavailable("market data is still loading: the "
            + "read model is catching up with Kafka; retry in a second", Duration.ofSeconds(1));

    private final MarketStore store;
    private final Envelopes envelopes;
    private final int maxLimit;

    MarketController(MarketStore store, Envelopes envelopes, ReadModelProperties properties) {
        this.store = store;
        this.envelopes = envelopes;
        this.maxLimit = properties.maxBarsPerSeries();
    }

    @GetMapping("/realtime/{symbol}")
    Envelope<MarketViews.RealtimeQuote> realtime(@PathVariable String symbol, ServerWebExchange exchange) {
        String valid = requireReadable(symbol);
        LatestQuote quote = store.quote(valid);
        Instrument instrument = store.instrument(valid);
        if (quote == null) {
            throw instrument == null ? unknown(valid) : ApiException.notFound("no quote for " + valid
                    + " yet: it has not traded since its data began (market closed or feed behind); try later");
        }
        return envelopes.ok(exchange, MarketViews.realtime(quote, instrument));
    }

    @GetMapping("/kline/{symbol}")
    Envelope<MarketViews.Kline> kline(@PathVariable String symbol,
                                      @RequestParam(required = false) String interval,
                                      @RequestParam(required = false) String period,
                                      @RequestParam(required = false) String limit,
                                      @RequestParam(required = false) String start,
                                      @RequestParam(required = false) String end,
                                      ServerWebExchange exchange) {
        String valid = requireReadable(symbol);
        KlineQuery query = KlineQuery.parse(valid, interval, period, limit, start, end, maxLimit);
        BarSeries.Window window = store.bars(valid, query.interval(), query.from(), query.to(), query.limit());
        if (window.bars().isEmpty() && !store.knows(valid)) {
            throw unknown(valid);
        }
        return envelopes.ok(exchange, MarketViews.kline(query, window));
    }

    /** The normalised symbol, once the request is valid and the read model is ready. */
    private String requireReadable(String symbol) {
        String normalised = symbol.trim().toUpperCase(Locale.ROOT);
        if (!Symbols.isValid(normalised)) {
            throw ApiException.invalid(new FieldViolation("symbol", "INVALID_SYMBOL", "symbol '" + symbol
                    + "' is not valid: use six digits for an A-share (600519) or an upper-case ticker of up to "
                    + "ten characters (AAPL, BRK.B)"));
        }
        if (!store.isReady()) {
            throw LOADING;
        }
        return normalised;
    }

    private static ApiException unknown(String symbol) {
        return ApiException.notFound("unknown symbol " + symbol + ": no instrument or quote is known for it; "
                + "see the reference.instruments topic for the listed symbols");
    }
}
