package io.mystocks.api.market;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated k-line request. Dates without a time are the market's local days: {@code start} from
 * the day's first instant, {@code end} through its last. Date-times without an offset are the
 * market's local time.
 *
 * @param from first open time wanted, inclusive, or null for the oldest kept
 * @param to   last open time wanted, inclusive, or null for the newest
 */
record KlineQuery(String symbol, Interval interval, int limit, Instant from, Instant to) {
    static final int DEFAULT_LIMIT = 100;
    private static final String INTERVALS = String.join(", ", Interval.codes())
            + " (or period=daily, weekly, monthly)";
    private static final String DATE_FORMATS = "an ISO date (2024-01-31) or date-time (2024-01-31T09:30:00, "
            + "optionally with an offset such as Z or +08:00)";

    /** What identifies the answer among the series' k-lines of one bar version. */
    String cacheKey() {
        return symbol + '|' + interval.code() + '|' + limit + '|' + from + '|' + to;
    }

    /** Parses the raw query parameters, reporting every problem at once. */
    static KlineQuery parse(String symbol, String interval, String period, String limit, String start, String end,
                            int maxLimit) {
        List<FieldViolation> violations = new ArrayList<>();
        ZoneId zone = Market.of(symbol).zone();
        Interval parsedInterval = interval(interval, period, violations);
        int parsedLimit = limit(limit, maxLimit, violations);
        Instant from = time("start", start, zone, false, violations);
        Instant to = time("end", end, zone, true, violations);
        if (from != null && to != null && from.isAfter(to)) {
            violations.add(new FieldViolation("start", "INVALID_RANGE",
                    "start (" + start + ") is after end (" + end + "); swap them or widen the range"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new KlineQuery(symbol, parsedInterval, parsedLimit, from, to);
    }

    static Interval interval(String interval, String period, List<FieldViolation> violations) {
        Optional<Interval> byInterval = parseInterval("interval", interval, violations);
        Optional<Interval> byPeriod = parseInterval("period", period, violations);
        if (byInterval.isPresent() && byPeriod.isPresent() && byInterval.get() != byPeriod.get()) {
            violations.add(new FieldViolation("period", "CONFLICT", "interval=" + interval + " and period=" + period
                    + " disagree; send only one of them"));
        }
        return byInterval.or(() -> byPeriod).orElse(Interval.D1);
    }

    private static Optional<Interval> parseInterval(String field, String text, List<FieldViolation> violations) {
        if (isAbsent(text)) {
            return Optional.empty();
        }
        Optional<Interval> parsed = Interval.parse(text);
        if (parsed.isEmpty()) {
            violations.add(new FieldViolation(field, "INVALID_VALUE",
                    field + " '" + text + "' is not a bar interval; use one of " + INTERVALS));
        }
        return parsed;
    }

    static int limit(String text, int maxLimit, List<FieldViolation> violations) {
        if (isAbsent(text)) {
            return Math.min(DEFAULT_LIMIT, maxLimit);
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the range
        }
        violations.add(new FieldViolation("limit", "OUT_OF_RANGE",
                "limit must be an integer from 1 to " + maxLimit + ", got '" + text + "'"));
        return DEFAULT_LIMIT;
    }

    private static Instant time(String field, String text, ZoneId zone, boolean endOfDay,
                                List<FieldViolation> violations) {
        if (isAbsent(text)) {
            return null;
        }
        String value = text.trim();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                        : day.atStartOfDay(zone).toInstant();
            }
            // A '+' in an unencoded query string arrives as a space.
            String normalised = value.replace(' ', value.indexOf('T') > 0 ? '+' : 'T');
            if (hasOffset(normalised)) {
                return OffsetDateTime.parse(normalised).toInstant();
            }
            return LocalDateTime.parse(normalised).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            violations.add(new FieldViolation(field, "INVALID_FORMAT",
                    field + " '" + text + "' is not " + DATE_FORMATS));
            return null;
        }
    }

    private static boolean hasOffset(String value) {
        int time = value.indexOf('T');
        return value.endsWith("Z") || value.endsWith("z")
                || (time > 0 && (value.indexOf('+', time) > 0 || value.indexOf('-', time) > 0));
    }

    private static boolean isAbsent(String text) {
        return text == null || text.isBlank();
    }
}
