package io.mystocks.indicators.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TradingDayTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final LocalDate TUESDAY = LocalDate.parse("2026-03-03");

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

    private static Quote quote(String time, String price, long volume) {
        BigDecimal decimal = new BigDecimal(price);
        return new Quote("600519", Instant.parse(time), decimal, volume, decimal.multiply(BigDecimal.valueOf(volume)),
                "test");
    }
}
