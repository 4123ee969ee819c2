package io.mystocks.api.indicators;

import io.mystocks.api.cache.EncodedViews;
import io.mystocks.api.cache.ResponseCache;
import io.mystocks.api.cache.ResponseCaches;
import io.mystocks.api.market.MarketReads;
import io.mystocks.api.web.ReadRoute;
import io.mystocks.api.web.ReadRoutes;
import io.mystocks.api.web.Replies;
import io.mystocks.api.web.Reply;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.Interval;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Indicator series and the latest values of the standard set, computed from the read model's bars. A series
 * is computed over every bar kept, so that the warm-up is met where the bars allow, and then cut to the
 * newest points asked for. The indicator state is kept between requests ({@link MarketReads#computed}), so a
 * request after the forming bar changed costs a step per indicator, cheap enough for the event loop; answers
 * are also cached under the series' bar version, where a new bar is a new entry.
 */
@RestController
@RequestMapping(path = "/api/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "indicators", description = "TA-Lib-compatible indicators over the read model's bars")
final class IndicatorController implements ReadRoutes {
    static final String CACHE = "indicators";
    private static final String INTERVAL = "bar interval: 1m 5m 15m 30m 60m 1d 1w 1M, or daily, weekly, monthly "
            + "(default 1d)";

    private final MarketReads reads;
    private final ResponseCache cache;
    private final Replies replies;
    private final EncodedViews<String> snapshots = new EncodedViews<>();
    private final Clock clock;

    IndicatorController(MarketReads reads, ResponseCaches caches, Replies replies, Clock clock) {
        this.reads = reads;
        this.cache = caches.cache(CACHE);
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    public List<ReadRoute> readRoutes() {
        return List.of(
                ReadRoute.deferred("/api/indicators/{symbol}/all", request -> all(request.path("symbol"),
                        request.query("interval"), request.query("period"))),
                ReadRoute.deferred("/api/indicators/{symbol}/{indicator}", request -> series(request.path("symbol"),
                        request.path("indicator"), request.query("interval"), request.query("period"),
                        request.query("limit"), request.queryParams())));
    }

    @GetMapping("/{symbol}/all")
    @Operation(summary = "Latest value of every indicator of the standard set",
            description = "The snapshot indicator-streams published for the interval (source: snapshot), with the "
                    + "bar it belongs to; when none was published yet, the same set computed here from the bars "
                    + "(source: bars). Each value carries warmup_bars, bars_available and ready.")
    Mono<Reply<IndicatorViews.LatestIndicators>> all(
            @Parameter(description = MarketReads.SYMBOL_DESCRIPTION) @PathVariable String symbol,
            @Parameter(description = INTERVAL) @RequestParam(required = false) String interval,
            @Parameter(description = "daily, weekly or monthly; an alternative to interval")
            @RequestParam(required = false) String period) {
        String valid = reads.requireReadable(symbol);
        Interval parsed = reads.interval(interval, period);
        IndicatorSnapshot snapshot = reads.indicators(valid, parsed);
        if (snapshot != null) {
            return Mono.just(Reply.ofJson(snapshots.get(snapshot.key(), snapshot, null, null,
                    () -> replies.encode(IndicatorViews.latest(snapshot)))));
        }
        long version = reads.requireKnown(valid, parsed);
        return cache.get(valid + '|' + parsed.code() + "|all", Long.toString(version),
                        () -> replies.encode(reads.computed(valid, parsed,
                                bars -> IndicatorViews.latest(valid, parsed, bars, clock.instant()))))
                .map(Reply::ofJson);
    }

    @GetMapping("/{symbol}/{indicator}")
    @Operation(summary = "One indicator's series, oldest point first",
            description = "indicator is a catalogue name or alias in any case (SMA, MA, BOLL, KDJ, WR, ...). Every "
                    + "query parameter other than interval, period and limit is a parameter of the indicator, "
                    + "such as timeperiod=26 or fastperiod=10 (names in any case; left out, the default). The "
                    + "series is computed over every bar kept and cut to the newest limit points; a point is "
                    + "ready once the warm-up is complete. 400 lists the valid names or the indicator's "
                    + "parameters with their bounds.")
    Mono<Reply<IndicatorViews.IndicatorSeries>> series(
            @Parameter(description = MarketReads.SYMBOL_DESCRIPTION) @PathVariable String symbol,
            @Parameter(description = "indicator name or alias, such as SMA, MA, MACD, BOLL, KDJ")
            @PathVariable String indicator,
            @Parameter(description = INTERVAL) @RequestParam(required = false) String interval,
            @Parameter(description = "daily, weekly or monthly; an alternative to interval")
            @RequestParam(required = false) String period,
            @Parameter(description = "newest points to return, 1 to mystocks.read-model.max-bars-per-series "
                    + "(default 100)") @RequestParam(required = false) String limit,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        String valid = reads.requireReadable(symbol);
        IndicatorRequest request = IndicatorRequest.parse(valid, indicator, interval, period, limit, query, reads);
        long version = reads.requireKnown(valid, request.interval());
        return cache.get(request.cacheKey(), Long.toString(version),
                        () -> replies.encode(reads.computed(valid, request.interval(),
                                bars -> IndicatorViews.series(request, bars))))
                .map(Reply::ofJson);
    }
}
