package io.mystocks.api.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.LatestQuote;

/**
 * Told of every quote, bar and indicator snapshot the read model applies once it has caught up with
 * Kafka. Called on the feed thread, one record at a time in topic order per partition: it must return
 * quickly and never block, or the whole read model falls behind.
 */
public interface MarketListener {

    void onQuote(LatestQuote quote);

    /** A bar while it forms ({@code closed} false) and once more when it closes. */
    void onBar(Bar bar);

    /**
     * An indicator snapshot of the series, as the JSON indicator-streams published (the contracts' JSON of an
     * {@link IndicatorSnapshot}): listeners that only forward it need not decode it.
     */
    void onIndicators(String symbol, Interval interval, byte[] json);
}
