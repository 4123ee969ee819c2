package io.mystocks.api.market;

import io.mystocks.api.health.DependencyCheck;
import io.mystocks.api.health.DependencyStatus;
import java.util.Map;

/** The read model is up once it has caught up with the market topics; read live, it costs nothing. */
final class StoresCheck implements DependencyCheck {
    private final MarketStore store;
    private final MarketFeed feed;

    StoresCheck(MarketStore store, MarketFeed feed) {
        this.store = store;
        this.feed = feed;
    }

    @Override
    public String name() {
        return "stores";
    }

    @Override
    public DependencyStatus status() {
        Map<String, Object> figures = store.figures();
        figures.put("skipped_records", feed.skipped());
        DependencyStatus status = store.isReady() ? DependencyStatus.up(feed.progress())
                : DependencyStatus.down(feed.progress());
        return status.withFigures(figures);
    }
}
