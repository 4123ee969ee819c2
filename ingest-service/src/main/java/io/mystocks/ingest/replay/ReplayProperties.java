package io.mystocks.ingest.replay;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The file replay feed: recorded ticks or bars played back as live quotes.
 *
 * @param enabled      whether to replay at all
 * @param speed        how much faster than recorded time the files play: 1 is real time, 60 plays an hour of
 *                     data per minute, 0 plays as fast as the producer takes it
 * @param loop         whether to start again from the first record after the last
 * @param tickInterval how often the timer emits the records due
 * @param maxPerTick   most quotes one file emits per tick, which bounds a speed of 0
 * @param files        the files; each plays on its own time line, starting now
 */
@Validated
@ConfigurationProperties("mystocks.replay")
public record ReplayProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("1") @PositiveOrZero double speed,
        @DefaultValue("false") boolean loop,
        @DefaultValue("50ms") @NotNull Duration tickInterval,
        @DefaultValue("5000") @Positive int maxPerTick,
        @DefaultValue List<@Valid FileSource> files) {

    public ReplayProperties {
        if (tickInterval != null && (tickInterval.isZero() || tickInterval.isNegative())) {
            throw new IllegalArgumentException("mystocks.replay.tick-interval must be positive, was " + tickInterval);
        }
        if (!Double.isFinite(speed)) {
            throw new IllegalArgumentException("mystocks.replay.speed must be a finite number, was " + speed);
        }
        files = files == null ? List.of() : List.copyOf(files);
    }

    /**
     * One file to replay.
     *
     * @param location    a file path, or {@code classpath:name} for a file on the class path
     * @param format      {@code csv} or {@code json}; {@code auto} decides by the file's extension
     * @param kind        {@code ticks} or {@code bars}; {@code auto} takes bars when the file has open, high,
     *                    low and close columns
     * @param symbol      the symbol of rows that have none, such as every row of a file without a symbol column
     * @param columns     the file's column for a field, where its name is not one the reader knows: field
     *                    ({@code symbol}, {@code timestamp}, {@code price}, {@code open}, {@code high}, {@code low},
     *                    {@code close}, {@code volume}, {@code amount}) to column name
     * @param volumeScale factor applied to the file's volume before it is rounded to whole units, for files that
     *                    trade fractions (crypto); the amount is still computed from the unscaled quantity
     * @param barLength   the length of one bar; unset takes the smallest gap between two bars of a symbol, or a
     *                    trading day when the file's times are dates
     */
    public record FileSource(
            @NotBlank String location,
            @DefaultValue("auto") @NotNull Format format,
            @DefaultValue("auto") @NotNull Kind kind,
            String symbol,
            Map<String, String> columns,
            @DefaultValue("1") @DecimalMin(value = "0", inclusive = false) double volumeScale,
            Duration barLength) {

        public FileSource {
            columns = columns == null ? Map.of() : Map.copyOf(columns);
            if (barLength != null && (barLength.isZero() || barLength.isNegative())) {
                throw new IllegalArgumentException("bar-length of " + location + " must be positive, was "
                        + barLength);
            }
        }

        /** A file with every option left to its default. */
        public static FileSource of(String location) {
            return new FileSource(location, Format.AUTO, Kind.AUTO, null, null, 1, null);
        }
    }

    public enum Format {
        AUTO, CSV, JSON
    }

    public enum Kind {
        AUTO, TICKS, BARS
    }
}
