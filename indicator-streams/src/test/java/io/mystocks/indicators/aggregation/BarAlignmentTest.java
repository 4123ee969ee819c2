package io.mystocks.indicators.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BarAlignmentTest {

    @Nested
    class ChinaSessions {
        @ParameterizedTest(name = "{0} at {1} -> {2} - {3}")
        @CsvSource({
                "1m,  09:30:00,     09:30, 09:31",
                "1m,  10:15:59.999, 10:15, 10:16",
                "5m,  09:34:59,     09:30, 09:35",
                "15m, 13:14:00,     13:00, 13:15",
                "30m, 11:15:00,     11:00, 11:30",
                "60m, 09:30:00,     09:30, 10:30",
                "60m, 10:29:59,     09:30, 10:30",
                "60m, 10:30:00,     10:30, 11:30",
                "60m, 11:29:59,     10:30, 11:30",
                "60m, 13:00:00,     13:00, 14:00",
                "60m, 14:00:00,     14:00, 15:00",
                "60m, 14:59:59,     14:00, 15:00"})
        void intradayBarsStartAtTheSessionOpen(String code, String time, String open, String close) {
            BarWindow window = cn(code, "2026-03-02T" + time);

            assertThat(window.openTime()).isEqualTo(shanghai("2026-03-02T" + open));
            assertThat(window.closeTime()).isEqualTo(shanghai("2026-03-02T" + close));
            assertThat(window.tradingDay()).isEqualTo(LocalDate.parse("2026-03-02"));
        }

        @ParameterizedTest(name = "{0} at {1} -> {2} - {3}")
        @CsvSource({
                "60m, 11:30:00, 11:30, 12:00",
                "60m, 11:45:00, 11:30, 12:00",
                "60m, 12:30:00, 12:00, 13:00",
                "30m, 12:59:59, 12:30, 13:00",
                "1m,  12:00:30, 12:00, 12:01",
                "60m, 09:10:00, 09:00, 09:30",
                "60m, 00:00:00, 00:00, 01:00",
                "60m, 15:00:00, 15:00, 16:00",
                "60m, 15:20:00, 15:00, 16:00",
                "5m,  15:03:00, 15:00, 15:05"})
        void quotesOutsideTheSessionsFollowTheLocalClockCutAtTheSessionEdges(String code, String time, String open,
                                                                           String close) {
            BarWindow window = cn(code, "2026-03-02T" + time);

            assertThat(window.openTime()).isEqualTo(shanghai("2026-03-02T" + open));
            assertThat(window.closeTime()).isEqualTo(shanghai("2026-03-02T" + close));
        }

        @Test
        void theLastBarOfTheDayEndsAtLocalMidnight() {
            BarWindow window = cn("60m", "2026-03-02T23:30:00");

            assertThat(window.openTime()).isEqualTo(shanghai("2026-03-02T23:00"));
            assertThat(window.closeTime()).isEqualTo(shanghai("2026-03-03T00:00"));
        }

        @Test
        void theTradingDayIsTheLocalDateNotTheUtcDate() {
            Instant earlyMorning = Instant.parse("2026-03-02T17:00:00Z");

            BarWindow daily = BarAlignment.window(Interval.D1, Market.CN, earlyMorning);

            assertThat(daily.tradingDay()).isEqualTo(LocalDate.parse("2026-03-03"));
            assertThat(daily.openTime()).isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
            assertThat(daily.closeTime()).isEqualTo(Instant.parse("2026-03-03T16:00:00Z"));
            assertThat(BarAlignment.tradingDay(Market.CN, earlyMorning)).isEqualTo(LocalDate.parse("2026-03-03"));
        }
    }

    @Nested
    class CalendarBars {
        @Test
        void weeklyBarsStartOnMondayEvenAcrossAYearBoundary() {
            BarWindow window = cn("1w", "2026-01-01T10:00:00");

            assertThat(window.tradingDay()).isEqualTo(LocalDate.parse("2025-12-29"));
            assertThat(window.openTime()).isEqualTo(shanghai("2025-12-29T00:00"));
            assertThat(window.closeTime()).isEqualTo(shanghai("2026-01-05T00:00"));
        }

        @Test
        void aSundayBelongsToTheWeekThatStartedOnTheMondayBefore() {
            BarWindow sunday = cn("1w", "2026-03-08T23:59:59");
            BarWindow monday = cn("1w", "2026-03-09T00:00:00");

            assertThat(sunday.tradingDay()).isEqualTo(LocalDate.parse("2026-03-02"));
            assertThat(monday.tradingDay()).isEqualTo(LocalDate.parse("2026-03-09"));
            assertThat(sunday.closeTime()).isEqualTo(monday.openTime());
        }

        @Test
        void monthlyBarsRunFromTheFirstToTheFirstOfTheNextMonth() {
            BarWindow lastMinute = cn("1M", "2026-03-31T23:59:59");
            BarWindow leapFebruary = cn("1M", "2028-02-29T12:00:00");

            assertThat(lastMinute.openTime()).isEqualTo(shanghai("2026-03-01T00:00"));
            assertThat(lastMinute.closeTime()).isEqualTo(shanghai("2026-04-01T00:00"));
            assertThat(lastMinute.tradingDay()).isEqualTo(LocalDate.parse("2026-03-01"));
            assertThat(leapFebruary.closeTime()).isEqualTo(shanghai("2028-03-01T00:00"));
        }

        @Test
        void aNewYorkWeekWithTheSpringChangeIsAnHourShort() {
            BarWindow changeWeek = us("1w", Instant.parse("2026-03-06T15:00:00Z"));
            BarWindow nextWeek = us("1w", Instant.parse("2026-03-10T15:00:00Z"));

            assertThat(changeWeek.openTime()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
            assertThat(nextWeek.openTime()).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
            assertThat(changeWeek.closeTime()).isEqualTo(nextWeek.openTime());
            assertThat(Duration.between(changeWeek.openTime(), changeWeek.closeTime())).hasHours(167);
        }
    }

    @Nested
    class NewYork {
        @Test
        void theSessionOpensAt0930LocalInWinterAndInSummer() {
            BarWindow winter = us("1m", Instant.parse("2026-01-05T14:30:00Z"));
            BarWindow summer = us("1m", Instant.parse("2026-07-06T13:30:00Z"));

            assertThat(winter.openTime()).isEqualTo(Instant.parse("2026-01-05T14:30:00Z"));
            assertThat(summer.openTime()).isEqualTo(Instant.parse("2026-07-06T13:30:00Z"));
        }

        @Test
        void theLastHourlyBarIsCutAtTheClose() {
            BarWindow window = us("60m", Instant.parse("2026-01-05T20:59:00Z"));

            assertThat(window.openTime()).isEqualTo(Instant.parse("2026-01-05T20:30:00Z"));
            assertThat(window.closeTime()).isEqualTo(Instant.parse("2026-01-05T21:00:00Z"));
        }

        @Test
        void theDayClocksSpringForwardLasts23HoursAndHourlyBarsStayContiguous() {
            BarWindow day = us("1d", Instant.parse("2026-03-08T12:00:00Z"));
            BarWindow beforeChange = us("60m", Instant.parse("2026-03-08T06:30:00Z"));
            BarWindow afterChange = us("60m", Instant.parse("2026-03-08T07:10:00Z"));

            assertThat(Duration.between(day.openTime(), day.closeTime())).isEqualTo(Duration.ofHours(23));
            assertThat(beforeChange.openTime()).isEqualTo(Instant.parse("2026-03-08T06:00:00Z"));
            assertThat(beforeChange.closeTime()).isEqualTo(afterChange.openTime());
            assertThat(afterChange.openTime()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        }

        @Test
        void theRepeatedHourWhenClocksFallBackGetsTwoDistinctBars() {
            BarWindow day = us("1d", Instant.parse("2026-11-01T12:00:00Z"));
            BarWindow daylightHour = us("60m", Instant.parse("2026-11-01T05:30:00Z"));
            BarWindow standardHour = us("60m", Instant.parse("2026-11-01T06:30:00Z"));
            BarWindow standardMinute = us("1m", Instant.parse("2026-11-01T06:30:20Z"));

            assertThat(Duration.between(day.openTime(), day.closeTime())).isEqualTo(Duration.ofHours(25));
            assertThat(daylightHour.openTime()).isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
            assertThat(daylightHour.closeTime()).isEqualTo(standardHour.openTime());
            assertThat(standardHour.closeTime()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
            assertThat(standardMinute.openTime()).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Market.class)
    void intradayBarsCoverEveryMomentWithoutGapsOrOverlapsAcrossDaylightSavingChanges(Market market) {
        Instant[] spans = {Instant.parse("2026-03-07T00:00:00Z"), Instant.parse("2026-10-31T00:00:00Z")};
        for (Interval interval : Interval.values()) {
            for (Instant start : spans) {
                assertContiguous(market, interval, start, start.plus(Duration.ofDays(3)));
            }
        }
    }

    private static void assertContiguous(Market market, Interval interval, Instant from, Instant to) {
        BarWindow previous = BarAlignment.window(interval, market, from);
        for (Instant time = from; time.isBefore(to); time = time.plusSeconds(30)) {
            BarWindow window = BarAlignment.window(interval, market, time);

            assertThat(window.contains(time)).as("%s %s at %s", market, interval, time).isTrue();
            if (!window.equals(previous)) {
                assertThat(window.openTime()).as("%s %s at %s", market, interval, time)
                        .isEqualTo(previous.closeTime());
            }
            previous = window;
        }
    }

    private static BarWindow cn(String code, String localDateTime) {
        return BarAlignment.window(Interval.parse(code).orElseThrow(), Market.CN, shanghai(localDateTime));
    }

    private static BarWindow us(String code, Instant time) {
        return BarAlignment.window(Interval.parse(code).orElseThrow(), Market.US, time);
    }

    private static Instant shanghai(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), Market.CN.zone()).toInstant();
    }
}
