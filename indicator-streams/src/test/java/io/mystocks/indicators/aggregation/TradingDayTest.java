package io.mystocks.indicators.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TradingDayTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final LocalDate TUESDAY = LocalDate.parse("2026-03-03");
    /** 15:00 in Shanghai on Friday 2026-02-27. */
    private static final Instant FRIDAY_CLOSE = Instant.parse("2026-02-27T07:00:00Z");

    @Test
    void theFirstDayHasNoPreviousCloseAndNoChange() {
        LatestQuote latest = TradingDay.next(null, quote("2026-03-02T01:30:05Z", "100.00", 100), MONDAY)
                .toLatestQuote();

        assertThat(latest.preClose()).isNull();
        assertThat(latest.change()).isNull();
        assertThat(latest.changePercent()).isNull();
        assertThat(latest.tradingDay()).isEqualTo(MONDAY);
    }

    @Test
    void quotesOfTheSameDayAddUpAndTheLastOneIsThePrice() {
        TradingDay day = TradingDay.next(null, quote("2026-03-02T01:30:05Z", "100.00", 100), MONDAY);
        day = TradingDay.next(day, quote("2026-03-02T02:00:00Z", "103.00", 50), MONDAY);
        day = TradingDay.next(day, quote("2026-03-02T03:00:00Z", "98.00", 25), MONDAY);

        LatestQuote latest = day.toLatestQuote();

        assertThat(latest.price()).isEqualByComparingTo("98.00");
        assertThat(latest.open()).isEqualByComparingTo("100.00");
        assertThat(latest.high()).isEqualByComparingTo("103.00");
        assertThat(latest.low()).isEqualByComparingTo("98.00");
        assertThat(latest.volume()).isEqualTo(175);
        assertThat(latest.trades()).isEqualTo(3);
        assertThat(latest.timestamp()).isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));
    }

    @Test
    void aNewDayStartsFromScratchWithYesterdaysLastPriceAsPreviousClose() {
        TradingDay monday = TradingDay.next(null, quote("2026-03-02T06:59:00Z", "8.00", 100), MONDAY);

        LatestQuote tuesday = TradingDay.next(monday, quote("2026-03-03T01:30:05Z", "8.01", 10), TUESDAY)
                .toLatestQuote();

        assertThat(tuesday.preClose()).isEqualByComparingTo("8.00");
        assertThat(tuesday.change()).isEqualByComparingTo("0.01");
        assertThat(tuesday.changePercent()).isEqualByComparingTo("0.13");
        assertThat(tuesday.changePercent().scale()).isEqualTo(2);
        assertThat(tuesday.volume()).isEqualTo(10);
        assertThat(tuesday.open()).isEqualByComparingTo("8.01");
    }

    @Test
    void aFallIsANegativeChangeRoundedHalfUpAwayFromZero() {
        TradingDay monday = TradingDay.next(null, quote("2026-03-02T06:59:00Z", "8.00", 100), MONDAY);

        LatestQuote tuesday = TradingDay.next(monday, quote("2026-03-03T01:30:05Z", "7.99", 10), TUESDAY)
                .toLatestQuote();

        assertThat(tuesday.change()).isEqualByComparingTo("-0.01");
        assertThat(tuesday.changePercent()).isEqualByComparingTo("-0.13");
    }

    @Test
    void aBackfilledDayGivesTheNextLiveDayItsPreviousClose() {
        TradingDay friday = TradingDay.backfill(null, daily(LocalDate.parse("2026-02-27"), "8.00"), FRIDAY_CLOSE);

        LatestQuote monday = TradingDay.next(friday, quote("2026-03-02T01:30:05Z", "8.08", 10), MONDAY)
                .toLatestQuote();

        assertThat(friday.toLatestQuote().timestamp()).isEqualTo(FRIDAY_CLOSE);
        assertThat(monday.preClose()).isEqualByComparingTo("8.00");
        assertThat(monday.changePercent()).isEqualByComparingTo("1.00");
        assertThat(monday.volume()).isEqualTo(10);
    }

    @Test
    void liveQuotesOfABackfilledDayReplaceItsFiguresInsteadOfAddingToThem() {
        TradingDay thursday = TradingDay.backfill(null, daily(LocalDate.parse("2026-02-26"), "7.90"), FRIDAY_CLOSE);
        TradingDay friday = TradingDay.backfill(thursday, daily(LocalDate.parse("2026-02-27"), "8.00"),
                FRIDAY_CLOSE);

        TradingDay live = TradingDay.next(friday, quote("2026-02-27T06:00:00Z", "8.05", 10),
                LocalDate.parse("2026-02-27"));

        assertThat(live.backfilled()).isFalse();
        assertThat(live.volume()).isEqualTo(10);
        assertThat(live.preClose()).isEqualByComparingTo("7.90");
    }

    @Test
    void anOlderBackfilledDayCorrectsThePreviousCloseOnlyWhenItIsTheLatestBeforeToday() {
        TradingDay monday = TradingDay.next(null, quote("2026-03-02T01:30:05Z", "8.08", 10), MONDAY);

        TradingDay withFriday = TradingDay.backfill(monday, daily(LocalDate.parse("2026-02-27"), "8.00"),
                FRIDAY_CLOSE);
        TradingDay withThursdayToo = TradingDay.backfill(withFriday, daily(LocalDate.parse("2026-02-26"), "7.00"),
                FRIDAY_CLOSE);

        assertThat(withFriday.preClose()).isEqualByComparingTo("8.00");
        assertThat(withThursdayToo.preClose()).isEqualByComparingTo("8.00");
        assertThat(withThursdayToo.volume()).isEqualTo(10);
        assertThat(withThursdayToo.backfilled()).isFalse();
    }

    private static Bar daily(LocalDate day, String close) {
        BigDecimal price = new BigDecimal(close);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        return new Bar("600519", Interval.D1, day.atStartOfDay(shanghai).toInstant(),
                day.plusDays(1).atStartOfDay(shanghai).toInstant(), day, price, price, price, price, 1_000,
                price.multiply(BigDecimal.valueOf(1_000)), 10, true);
    }

    private static Quote quote(String time, String price, long volume) {
        BigDecimal decimal = new BigDecimal(price);
        return new Quote("600519", Instant.parse(time), decimal, volume, decimal.multiply(BigDecimal.valueOf(volume)),
                "test");
    }
}
