package io.mystocks.ingest.backfill;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one backfill writes: the seed of the price paths and the moment whose previous trading day ends the
 * history. Fixed when a backfill first starts and kept in the journal and on every record it
 * writes, so that a backfill resumed on a later day still writes the bars it set out to write.
 *
 * @param asOf       the history ends with the last trading day before this moment's date, in each market's zone
 * @param years      years of daily bars
 * @param minuteDays trading days of 1-minute bars
 */
record BackfillPlan(long seed, Instant asOf, int years, int minuteDays) {
    private static final List<String> FIELDS = List.of("seed", "as-of", "years", "minute-days");

    BackfillPlan {
        asOf = asOf.truncatedTo(ChronoUnit.SECONDS);
        if (years < 1 || minuteDays < 0) {
            throw new IllegalArgumentException("years must be positive and minute days not negative, were "
                    + years + " and " + minuteDays);
        }
    }

    /** The plan as text, such as {@code seed=42;as-of=2026-12-03T08:00:00Z;years=5;minute-days=5}. */
    String id() {
        return "seed=" + seed + ";as-of=" + asOf + ";years=" + years + ";minute-days=" + minuteDays;
    }

    /** The plan an {@link #id()} names, or empty when the text is not one. */
    static Optional<BackfillPlan> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : id.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                fields.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        if (!fields.keySet().containsAll(FIELDS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BackfillPlan(Long.parseLong(fields.get("seed")), Instant.parse(fields.get("as-of")),
                    Integer.parseInt(fields.get("years")), Integer.parseInt(fields.get("minute-days"))));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
