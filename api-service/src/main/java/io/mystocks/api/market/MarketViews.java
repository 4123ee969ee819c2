package io.mystocks.api.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Fundamentals;
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

    /** Reference data, fundamentals and the latest quote; any of the three may be missing. */
    static Stock stock(String symbol, Instrument instrument, Fundamentals fundamentals, LatestQuote quote) {
        return new Stock(symbol, instrument == null ? null : instrument.name(),
                instrument == null ? null : instrument.exchange(),
                instrument == null ? Market.of(symbol).name() : instrument.market().name(),
                instrument == null ? null : instrument.currency(), instrument == null ? null : instrument.sector(),
                instrument == null ? null : instrument.lotSize(),
                fundamentals == null ? null : FundamentalsView.of(fundamentals),
                quote == null ? null : realtime(quote, instrument));
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
    static String date(Bar bar, ZoneId zone) {
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

    /**
     * What is known of a listed symbol.
     *
     * @param market  {@code CN} or {@code US}
     * @param lotSize the board lot, null without reference data
     * @param quote   the realtime quote, null before the symbol's first trade
     */
    record Stock(String symbol, String name, String exchange, String market, String currency, String sector,
                 Integer lotSize, FundamentalsView fundamentals, RealtimeQuote quote) {
    }

    /**
     * Fundamentals as published; ratios are fractions (0.12 is 12 %).
     *
     * @param sample true when the figures are illustrative sample data, not a licensed feed
     */
    record FundamentalsView(double pe, double pb, double roe, double revenueGrowth, double profitGrowth,
                            double dividendYield, double marketCap, LocalDate asOf, boolean sample) {
        static FundamentalsView of(Fundamentals f) {
            return new FundamentalsView(f.pe(), f.pb(), f.roe(), f.revenueGrowth(), f.profitGrowth(),
                    f.dividendYield(), f.marketCap(), f.asOf(), f.sample());
        }
    }

    /**
     * The answer to a batch quote request.
     *
     * @param quotes  the quotes found, in the order asked
     * @param unknown well-formed symbols without a quote
     * @param invalid entries that are not symbols, as sent
     */
    record BatchQuotes(List<RealtimeQuote> quotes, List<String> unknown, List<String> invalid) {
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
