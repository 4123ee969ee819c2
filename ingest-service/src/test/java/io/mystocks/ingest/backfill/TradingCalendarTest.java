package io.mystocks.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Market;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {
    /** A Thursday. */
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

    @Test
    void historyEndsTheTradingDayBeforeTodayEvenAfterTodaysClose() {
        Instant beforeClose = at(Market.CN, THURSDAY, 14, 59);
        Instant afterClose = at(Market.CN, THURSDAY, 16, 0);

        assertThat(TradingCalendar.lastDayBefore(Market.CN, beforeClose)).isEqualTo(THURSDAY.minusDays(1));
        assertThat(TradingCalendar.lastDayBefore(Market.CN, afterClose)).isEqualTo(THURSDAY.minusDays(1));
    }

    @Test
    void todayIsTheMarketsLocalDate() {
        Instant thursdayInShanghaiWednesdayInNewYork = at(Market.CN, THURSDAY, 8, 0);

        assertThat(TradingCalendar.lastDayBefore(Market.CN, thursdayInShanghaiWednesdayInNewYork))
                .isEqualTo(THURSDAY.minusDays(1));
        assertThat(TradingCalendar.lastDayBefore(Market.US, thursdayInShanghaiWednesdayInNewYork))
                .isEqualTo(THURSDAY.minusDays(2));
    }

    @Test
    void weekendAndMondayLookBackToFriday() {
        LocalDate friday = THURSDAY.plusDays(1);

        assertThat(TradingCalendar.lastDayBefore(Market.US, at(Market.US, friday.plusDays(1), 12, 0)))
                .isEqualTo(friday);
        assertThat(TradingCalendar.lastDayBefore(Market.US, at(Market.US, friday.plusDays(3), 17, 0)))
                .isEqualTo(friday);
    }

    @Test
    void fiveYearsOfDailyDaysAreTheWeekdaysUpToTheDayBeforeToday() {
        List<LocalDate> days = TradingCalendar.dailyDays(Market.CN, at(Market.CN, THURSDAY, 16, 0), 5);

        // 2021-12-03 to 2026-12-02: 260 full weeks and four weekdays.
        assertThat(days).hasSize(1304).allMatch(TradingCalendar::isTradingDay);
        assertThat(days.getLast()).isEqualTo(THURSDAY.minusDays(1));
        assertThat(days.getFirst()).isEqualTo(LocalDate.of(2021, 12, 3));
    }

    @Test
    void sessionMinutesFollowTheMarketsSessions() {
        List<Instant> shanghai = TradingCalendar.sessionMinutes(Market.CN, THURSDAY);
        List<Instant> newYork = TradingCalendar.sessionMinutes(Market.US, THURSDAY);

        assertThat(shanghai).hasSize(240);
        assertThat(local(Market.CN, shanghai.get(119))).isEqualTo(THURSDAY.atTime(11, 29));
        assertThat(local(Market.CN, shanghai.get(120))).isEqualTo(THURSDAY.atTime(13, 0));
        assertThat(newYork).hasSize(390);
        assertThat(local(Market.US, newYork.getLast())).isEqualTo(THURSDAY.atTime(15, 59));
    }

    private static Instant at(Market market, LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day.atTime(hour, minute), market.zone()).toInstant();
    }

    private static LocalDateTime local(Market market, Instant instant) {
        return LocalDateTime.ofInstant(instant, market.zone());
    }
}
