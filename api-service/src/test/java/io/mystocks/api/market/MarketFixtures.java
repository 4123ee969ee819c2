package io.mystocks.api.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Market;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Records as the streams application publishes them. */
final class MarketFixtures {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private MarketFixtures() {
    }

    static Instrument moutai() {
        return instrument("600519", "贵州茅台");
    }

    static Instrument instrument(String symbol, String name) {
        return new Instrument(symbol, name, "SSE", Market.CN, "CNY", "Consumer Staples", 100);
    }

    static LatestQuote quote(String symbol, String price) {
        return new LatestQuote(symbol, new BigDecimal(price), new BigDecimal("1700.00"), new BigDecimal("1720.00"),
                new BigDecimal("1690.00"), new BigDecimal("1700.00"), new BigDecimal(price).subtract(
                new BigDecimal("1700.00")), new BigDecimal("0.59"), 12_300, new BigDecimal("21000000.00"), 420,
                LocalDate.of(2026, 12, 3), Instant.parse("2026-12-03T02:15:00Z"));
    }

    /** A daily bar of the given market-local day, opening at 09:30 Shanghai time. */
    static Bar dailyBar(String symbol, LocalDate day, String open, String high, String low, String close) {
        Instant openTime = day.atTime(9, 30).atZone(SHANGHAI).toInstant();
        return new Bar(symbol, Interval.D1, openTime, day.atTime(15, 0).atZone(SHANGHAI).toInstant(), day,
                new BigDecimal(open), new BigDecimal(high), new BigDecimal(low), new BigDecimal(close), 1000,
                new BigDecimal("1000000"), 50, true);
    }

    static Bar minuteBar(String symbol, Instant openTime, String close) {
        BigDecimal price = new BigDecimal(close);
        return new Bar(symbol, Interval.M1, openTime, openTime.plusSeconds(60),
                LocalDate.ofInstant(openTime, SHANGHAI), price, price, price, price, 10, price.multiply(
                BigDecimal.TEN), 1, false);
    }
}
