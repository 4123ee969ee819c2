package io.mystocks.api.analysis;

import io.mystocks.api.cache.ResponseCache;
import io.mystocks.api.cache.ResponseCaches;
import io.mystocks.api.market.MarketReads;
import io.mystocks.api.web.ReadRoute;
import io.mystocks.api.web.ReadRoutes;
import io.mystocks.api.web.Replies;
import io.mystocks.api.web.Reply;
import io.mystocks.contracts.Interval;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The technical-analysis summary of a series, cached under its bar version. */
@RestController
@RequestMapping(path = "/api/technical-analysis", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "analysis", description = "Technical ratings in the manner of TradingView's, with every vote shown")
final class TechnicalAnalysisController implements ReadRoutes {
    static final String CACHE = "analysis";

    private final MarketReads reads;
    private final ResponseCache cache;
    private final Replies replies;
    private final Clock clock;

    TechnicalAnalysisController(MarketReads reads, ResponseCaches caches, Replies replies, Clock clock) {
        this.reads = reads;
        this.cache = caches.cache(CACHE);
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    public List<ReadRoute> readRoutes() {
        return List.of(ReadRoute.deferred("/api/technical-analysis/{symbol}", request -> analysis(
                request.path("symbol"), request.query("interval"), request.query("period"))));
    }

    @GetMapping("/{symbol}")
    @Operation(summary = "Trend, momentum, volatility and volume values with a technical rating",
            description = "Moving averages (SMA and EMA 10 to 200, Ichimoku base line, VWMA, HMA) and oscillators "
                    + "(RSI, Stochastic, CCI, ADX, AO, Momentum, MACD, Stochastic RSI, Williams %R, Bull Bear "
                    + "Power, Ultimate Oscillator) each vote +1, 0 or -1 with a reason; a group's rating is the "
                    + "mean of its votes, the overall rating the mean of the two groups: >= 0.5 Strong Buy, "
                    + ">= 0.1 Buy, > -0.1 Neutral, > -0.5 Sell, otherwise Strong Sell. An indicator still warming "
                    + "up does not vote. With too few bars the rating is null (insufficient data) and "
                    + "summary.bars_needed says how many it takes.")
    Mono<Reply<AnalysisViews.Analysis>> analysis(
            @Parameter(description = MarketReads.SYMBOL_DESCRIPTION) @PathVariable String symbol,
            @Parameter(description = "bar interval: 1m 5m 15m 30m 60m 1d 1w 1M, or daily, weekly, monthly "
                    + "(default 1d)") @RequestParam(required = false) String interval,
            @Parameter(description = "daily, weekly or monthly; an alternative to interval")
            @RequestParam(required = false) String period) {
        String valid = reads.requireReadable(symbol);
        Interval parsed = reads.interval(interval, period);
        long version = reads.requireKnown(valid, parsed);
        // Some forty indicators, each stepped by the bars that changed since the series was last read.
        return cache.get(valid + '|' + parsed.code(), Long.toString(version),
                        () -> replies.encode(reads.computed(valid, parsed,
                                bars -> TechnicalAnalysis.of(valid, parsed, bars, clock.instant()))))
                .map(Reply::ofJson);
    }
}
