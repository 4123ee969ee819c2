package io.mystocks.ingest.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads a recorded time: an ISO-8601 time with an offset, a local date-time (taken in the symbol's market
 * zone), a date alone, or epoch seconds or milliseconds (told apart by size).
 */
final class TimeParser {
    private static final Pattern EPOCH = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Epoch values below this are seconds (until the year 5138), above it milliseconds. */
    private static final BigDecimal LARGEST_SECONDS = new BigDecimal("1e11");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private TimeParser() {
    }

    /**
     * @param date the local date when the text is a date alone, else null
     */
    record RecordedTime(Instant instant, LocalDate date) {
    }

    /** @throws IllegalArgumentException naming the text when it is none of the forms */
    static RecordedTime parse(String text, ZoneId zone) {
        String value = text.strip();
        if (EPOCH.matcher(value).matches()) {
            return new RecordedTime(epoch(new BigDecimal(value)), null);
        }
        if (DATE.matcher(value).matches()) {
            LocalDate date = LocalDate.parse(value);
            return new RecordedTime(date.atStartOfDay(zone).toInstant(), date);
        }
        String iso = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + 'T'
                + value.substring(11) : value;
        try {
            return new RecordedTime(OffsetDateTime.parse(iso).toInstant(), null);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return new RecordedTime(LocalDateTime.parse(iso).atZone(zone).toInstant(), null);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("timestamp '" + text + "' is not an ISO-8601 time, a date or"
                        + " epoch seconds or milliseconds");
            }
        }
    }

    private static Instant epoch(BigDecimal value) {
        BigDecimal seconds = value.abs().compareTo(LARGEST_SECONDS) < 0 ? value : value.divide(THOUSAND);
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }
}
