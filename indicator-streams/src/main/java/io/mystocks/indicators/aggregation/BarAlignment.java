package io.mystocks.indicators.aggregation;

import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Which bar a moment belongs to, in the market's own time zone.
 *
 * <p>Design note: every local day is cut into segments, the trading sessions and the gaps between
 * them (midnight to the first open, the lunch break, the last close to midnight). Inside a session,
 * intraday bars start at the session open and the last one is cut at the session close, so a CN 60m
 * day has 09:30-10:30, 10:30-11:30, 13:00-14:00 and 14:00-15:00. Inside a gap, where only around-the-clock
 * feeds such as the simulator trade, bars follow the local clock (the time of day floored to the bar
 * length) and are cut at the gap's edges, so no bar ever overlaps another and no quote is dropped.
 * Bars are computed on the local time line but measured on the instant time line, so a bar that spans
 * a daylight-saving change lasts as long as it really does, and the next bar starts where it ends.
 *
 * <p>Daily bars span the local date, weekly bars start on Monday and monthly bars on the first day of
 * the month, each from local midnight to local midnight.
 */
public final class BarAlignment {
    private static final int SECONDS_PER_DAY = 24 * 60 * 60;

    private BarAlignment() {
    }

    /** The bar of {@code interval} that contains {@code time} for a symbol of {@code market}. */
    public static BarWindow window(Interval interval, Market market, Instant time) {
        ZonedDateTime local = time.atZone(market.zone());
        LocalDate date = local.toLocalDate();
        return switch (interval) {
            case D1 -> calendar(date, date.plusDays(1), market.zone());
            case W1 -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield calendar(monday, monday.plusWeeks(1), market.zone());
            }
            case MN1 -> {
                LocalDate first = date.withDayOfMonth(1);
                yield calendar(first, first.plusMonths(1), market.zone());
            }
            case M1, M5, M15, M30, H1 -> intraday(local, (int) interval.length().orElseThrow().toSeconds(),
                    market.sessions());
        };
    }

    /** The market-local trading day of a moment. */
    public static LocalDate tradingDay(Market market, Instant time) {
        return time.atZone(market.zone()).toLocalDate();
    }

    private static BarWindow calendar(LocalDate start, LocalDate end, ZoneId zone) {
        return new BarWindow(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), start);
    }

    private static BarWindow intraday(ZonedDateTime local, int length, List<Market.Session> sessions) {
        int timeOfDay = local.toLocalTime().toSecondOfDay();
        Segment segment = Segment.containing(timeOfDay, sessions);
        int anchor = segment.session() ? segment.start() : 0;
        int aligned = anchor + Math.floorDiv(timeOfDay - anchor, length) * length;
        int open = Math.max(aligned, segment.start());
        int close = Math.min(aligned + length, segment.end());
        // with(LocalTime) keeps the current offset where it is valid, which picks the right one of the
        // two identical local hours when clocks fall back.
        Instant openTime = local.with(LocalTime.ofSecondOfDay(open)).toInstant();
        return new BarWindow(openTime, openTime.plusSeconds(close - open), local.toLocalDate());
    }

    /** A part of the local day in seconds of the day, {@code [start, end)}; end may be midnight (86400). */
    private record Segment(int start, int end, boolean session) {
        static Segment containing(int timeOfDay, List<Market.Session> sessions) {
            int gapStart = 0;
            int gapEnd = SECONDS_PER_DAY;
            for (Market.Session s : sessions) {
                int open = s.open().toSecondOfDay();
                int close = s.close().toSecondOfDay();
                if (timeOfDay >= open && timeOfDay < close) {
                    return new Segment(open, close, true);
                }
                if (close <= timeOfDay) {
                    gapStart = Math.max(gapStart, close);
                } else {
                    gapEnd = Math.min(gapEnd, open);
                }
            }
            return new Segment(gapStart, gapEnd, false);
        }
    }
}
