package io.mystocks.api.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.Json;
import io.mystocks.contracts.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A read model filled by hand, for the tests of features that read it through {@link MarketReads}. It keeps
 * 1000 bars per series, as the service does by default, and is loading until {@link #markReady()}.
 */
public final class TestMarket {
    private final MarketStore store = new MarketStore(1000);
    private final MarketReads reads = new MarketReads(store, 1000, new SeriesIndicators(store, 1000, 100));

    public MarketReads reads() {
        return reads;
    }

    public void markReady() {
        store.markReady();
    }

    public void instrument(String symbol, String name) {
        store.apply(Topics.INSTRUMENTS.name(), symbol, json(MarketFixtures.instrument(symbol, name)));
    }

    public void bars(List<Bar> bars) {
        bars.forEach(bar -> store.apply(Topics.bars(bar.interval()).name(), bar.key(), json(bar)));
    }

    public void snapshot(IndicatorSnapshot snapshot) {
        store.apply(Topics.INDICATORS.name(), snapshot.key(), json(snapshot));
    }

    /**
     * Closed daily bars on consecutive days from {@code first}, one per close: each opens at the previous
     * close (the first at its own close) and ranges one unit beyond its open and close.
     */
    public static List<Bar> dailyBars(String symbol, LocalDate first, double... closes) {
        List<Bar> bars = new ArrayList<>(closes.length);
        double open = closes.length == 0 ? 0 : closes[0];
        for (int i = 0; i < closes.length; i++) {
            double close = closes[i];
            bars.add(MarketFixtures.dailyBar(symbol, first.plusDays(i), price(open),
                    price(Math.max(open, close) + 1), price(Math.min(open, close) - 1), price(close)));
            open = close;
        }
        return bars;
    }

    /** The same bar still forming. */
    public static Bar forming(Bar bar) {
        return new Bar(bar.symbol(), bar.interval(), bar.openTime(), bar.closeTime(), bar.tradingDay(), bar.open(),
                bar.high(), bar.low(), bar.close(), bar.volume(), bar.amount(), bar.trades(), false);
    }

    private static String price(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    private static byte[] json(Object value) {
        return Json.mapper().writeValueAsBytes(value);
    }

    /** A {@link TestMarket} and its {@link MarketReads} as beans; the test marks it ready. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        public TestMarket testMarket() {
            return new TestMarket();
        }

        @Bean
        public MarketReads marketReads(TestMarket market) {
            return market.reads();
        }
    }

    /** The same beans in a context of their own, for tests of a read model that stays loading. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Loading extends Config {
    }
}
