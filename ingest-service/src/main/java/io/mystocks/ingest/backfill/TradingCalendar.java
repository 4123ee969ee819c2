package io.mystocks.ingest.backfill;

import io.mystocks.contracts.Market;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Trading days and session minutes of a market. A trading day is a weekday: public holidays of either
 * market are not modelled, so the history has a bar on Christmas and on the Spring Festival.
 */
final class TradingCalendar {
    private TradingCalendar() {
    }

    static boolean isTradingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The last trading day before the market-local date of {@code now}: complete whatever the time of day, and
     * never the day the live feeds are trading, which an always-open simulator does even after the close.
     */
    static LocalDate lastDayBefore(Market market, Instant now) {
        return previousTradingDay(now.atZone(market.zone()).toLocalDate());
    }

    /** The trading days after {@code years} years before {@link #lastDayBefore}, up to and including it. */
    static List<LocalDate> dailyDays(Market market, Instant asOf, int years) {
        LocalDate last = lastDayBefore(market, asOf);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = last.minusYears(years).plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (isTradingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /** The opening instant of every minute inside the market's sessions on {@code day}. */
    static List<Instant> sessionMinutes(Market market, LocalDate day) {
        List<Instant> minutes = new ArrayList<>();
        for (Market.Session session : market.sessions()) {
            ZonedDateTime minute = day.atTime(session.open()).atZone(market.zone());
            ZonedDateTime close = day.atTime(session.close()).atZone(market.zone());
            for (; minute.isBefore(close); minute = minute.plusMinutes(1)) {
                minutes.add(minute.toInstant());
            }
        }
        return minutes;
    }

    private static LocalDate previousTradingDay(LocalDate day) {
        LocalDate previous = day.minusDays(1);
        while (!isTradingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }
}
