package io.mystocks.api.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorSnapshot;
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

    void onIndicators(IndicatorSnapshot snapshot);
}
