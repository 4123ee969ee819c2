package io.mystocks.indicators.topology;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Bars worked out the plain way, to hold the topology's bars against: each quote goes to the bar it falls in,
 * and each bar is folded from its quotes in the order they came. It shares no code with the production
 * alignment. Intraday bars come from a table of the times of day at which a bar starts, drawn up from the rules
 * in the README: every step of the bar's length from each session's open, every step of the local clock outside
 * the sessions, and each session's close. A bar runs from its start to the next start in the table. Local times
 * become instants in the exchange's zone without any care for daylight-saving changes, which neither zone has
 * in the week of the file.
 */
final class ReferenceBars {
    private static final int MINUTES_PER_DAY = 24 * 60;

    private final Exchange exchange;
    private final Map<Interval, NavigableSet<LocalTime>> intradayStarts = new EnumMap<>(Interval.class);

    private ReferenceBars(Exchange exchange) {
        this.exchange = exchange;
        for (Interval interval : Interval.values()) {
            interval.length().ifPresent(length -> intradayStarts.put(interval, starts(length, exchange.sessions())));
        }
    }

    /** The closed bars of every interval that these quotes, all of one symbol and in time order, make. */
    static Map<Interval, List<Bar>> of(Exchange exchange, List<Quote> quotes) {
        ReferenceBars reference = new ReferenceBars(exchange);
        Map<Interval, List<Bar>> bars = new EnumMap<>(Interval.class);
        for (Interval interval : Interval.values()) {
            bars.put(interval, reference.bars(interval, quotes));
        }
        return bars;
    }

    private List<Bar> bars(Interval interval, List<Quote> quotes) {
        Map<Span, Fold> folds = new LinkedHashMap<>();
        for (Quote quote : quotes) {
            folds.computeIfAbsent(span(interval, quote.timestamp()), span -> new Fold()).add(quote);
        }
        List<Bar> bars = new ArrayList<>();
        folds.forEach((span, fold) -> bars.add(fold.bar(quotes.getFirst().symbol(), interval, span, exchange.zone())));
        bars.sort(Comparator.comparing(Bar::openTime));
        return bars;
    }

    private Span span(Interval interval, Instant time) {
        LocalDateTime local = LocalDateTime.ofInstant(time, exchange.zone());
        LocalDate date = local.toLocalDate();
        return switch (interval) {
            case D1 -> Span.days(date, date.plusDays(1));
            case W1 -> {
                LocalDate monday = date.minusDays(date.getDayOfWeek().getValue() - 1L);
                yield Span.days(monday, monday.plusWeeks(1));
            }
            case MN1 -> {
                LocalDate first = date.withDayOfMonth(1);
                yield Span.days(first, first.plusMonths(1));
            }
            case M1, M5, M15, M30, H1 -> {
                NavigableSet<LocalTime> starts = intradayStarts.get(interval);
                LocalTime next = starts.higher(local.toLocalTime());
                LocalDateTime end = next == null ? date.plusDays(1).atStartOfDay() : date.atTime(next);
                yield new Span(date.atTime(starts.floor(local.toLocalTime())), end, date);
            }
        };
    }

    private static NavigableSet<LocalTime> starts(Duration length, List<Hours> sessions) {
        NavigableSet<LocalTime> starts = new TreeSet<>();
        for (long minute = 0; minute < MINUTES_PER_DAY; minute += length.toMinutes()) {
            LocalTime onTheClock = LocalTime.MIDNIGHT.plusMinutes(minute);
            if (sessions.stream().noneMatch(session -> session.strictlyInside(onTheClock))) {
                starts.add(onTheClock);
            }
        }
        for (Hours session : sessions) {
            for (LocalTime start = session.open(); start.isBefore(session.close()); start = start.plus(length)) {
                starts.add(start);
            }
            starts.add(session.close());
        }
        return starts;
    }

    /** An exchange as the README describes it: its time zone and its sessions in local time. */
    record Exchange(ZoneId zone, List<Hours> sessions) {
    }

    /** One session, {@code [open, close)} in local time. */
    record Hours(LocalTime open, LocalTime close) {
        boolean strictlyInside(LocalTime time) {
            return time.isAfter(open) && time.isBefore(close);
        }
    }

    /** A bar's span in local time, and the local date it is filed under (the first day of a week or a month). */
    private record Span(LocalDateTime start, LocalDateTime end, LocalDate day) {
        static Span days(LocalDate first, LocalDate after) {
            return new Span(first.atStartOfDay(), after.atStartOfDay(), first);
        }
    }

    /** The running figures of one bar. */
    private static final class Fold {
        private BigDecimal open;
        private BigDecimal high;
        private BigDecimal low;
        private BigDecimal close;
        private long volume;
        private BigDecimal amount = BigDecimal.ZERO;
        private long trades;

        void add(Quote quote) {
            BigDecimal price = quote.price();
            if (open == null) {
                open = price;
                high = price;
                low = price;
            }
            high = price.compareTo(high) > 0 ? price : high;
            low = price.compareTo(low) < 0 ? price : low;
            close = price;
            volume += quote.volume();
            amount = amount.add(quote.amount());
            trades++;
        }

        Bar bar(String symbol, Interval interval, Span span, ZoneId zone) {
            return new Bar(symbol, interval, span.start().atZone(zone).toInstant(), span.end().atZone(zone).toInstant(),
                    span.day(), open, high, low, close, volume, amount, trades, true);
        }
    }
}
