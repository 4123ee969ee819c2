package io.mystocks.api.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Market;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes of the market endpoints. Prices stay {@link BigDecimal} as published; derived
 * percentages are rounded half-up to four decimal places.
 */
final class MarketViews {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int PERCENT_SCALE = 4;
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private MarketViews() {
    }

    static RealtimeQuote realtime(LatestQuote quote, Instrument instrument) {
        return new RealtimeQuote(quote.symbol(), instrument == null ? null : instrument.name(), quote.price(),
                quote.open(), quote.high(), quote.low(), quote.preClose(), quote.change(), quote.changePercent(),
                quote.volume(), quote.amount(), quote.trades(), quote.tradingDay(), quote.timestamp());
    }

    static Kline kline(KlineQuery query, BarSeries.Window window) {
        ZoneId zone = Market.of(query.symbol()).zone();
        List<KlineBar> bars = new ArrayList<>(window.bars().size());
        Bar previous = window.previous();
        for (Bar bar : window.bars()) {
            bars.add(klineBar(bar, previous, zone));
            previous = bar;
        }
        return new Kline(query.symbol(), query.interval().code(), bars.size(), bars);
    }

    private static KlineBar klineBar(Bar bar, Bar previous, ZoneId zone) {
        BigDecimal previousClose = previous == null ? null : previous.close();
        return new KlineBar(date(bar, zone), bar.openTime(), bar.open(), bar.high(), bar.low(), bar.close(),
                bar.volume(), bar.amount(), bar.trades(), bar.closed(),
                percentOf(difference(bar.high(), bar.low()), previousClose),
                percentOf(difference(bar.close(), previousClose), previousClose));
    }

    /** The trading day for daily and longer bars; the market-local open time for intraday bars. */
    private static String date(Bar bar, ZoneId zone) {
        if (bar.interval().isIntraday()) {
            return LOCAL_DATE_TIME.format(bar.openTime().atZone(zone));
        }
        LocalDate day = bar.tradingDay() != null ? bar.tradingDay() : bar.openTime().atZone(zone).toLocalDate();
        return day.toString();
    }

    private static BigDecimal difference(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal base) {
        if (amount == null || base == null || base.signum() == 0) {
            return null;
        }
        return amount.multiply(HUNDRED).divide(base, PERCENT_SCALE, RoundingMode.HALF_UP);
    }

    /** A realtime quote: the latest state of the symbol's trading day. */
    record RealtimeQuote(String symbol, String name, BigDecimal price, BigDecimal open, BigDecimal high,
                         BigDecimal low, BigDecimal preClose, BigDecimal change, BigDecimal changePercent,
                         long volume, BigDecimal amount, long trades, LocalDate tradingDay, Instant timestamp) {
    }

    /** Bars of one symbol and interval, oldest first. */
    record Kline(String symbol, String interval, int count, List<KlineBar> bars) {
    }

    /**
     * One bar.
     *
     * @param date          the market-local trading day, or local date-time for intraday bars
     * @param timestamp     the bar's open time
     * @param amplitude     (high - low) / previous close * 100, null without a previous bar
     * @param changePercent (close - previous close) / previous close * 100, null without a previous bar
     */
    record KlineBar(String date, Instant timestamp, BigDecimal open, BigDecimal high, BigDecimal low,
                    BigDecimal close, long volume, BigDecimal amount, long trades, boolean closed,
                    BigDecimal amplitude, BigDecimal changePercent) {
    }
}
