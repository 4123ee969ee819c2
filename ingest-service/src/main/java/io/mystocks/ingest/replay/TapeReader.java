package io.mystocks.ingest.replay;

import io.mystocks.contracts.Market;
import io.mystocks.contracts.Symbols;
import io.mystocks.ingest.replay.ReplayProperties.FileSource;
import io.mystocks.ingest.replay.ReplayProperties.Format;
import io.mystocks.ingest.replay.ReplayProperties.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Reads a replay file into a {@link Tape}. A file that cannot be used at all fails with
 * {@link InvalidReplayFileException}; a row that cannot be read becomes an unreadable row with every problem
 * found, and the rest of the file plays.
 *
 * <p>Files are read whole into memory: meant for recordings of up to a few million rows.
 */
final class TapeReader {
    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";
    private static final int AMOUNT_SCALE = 2;
    private static final Duration DEFAULT_BAR = Duration.ofMinutes(1);

    private final ToIntFunction<String> lotSize;

    /** @param lotSize the board lot of a symbol, to split bar volumes into whole lots */
    TapeReader(ToIntFunction<String> lotSize) {
        this.lotSize = lotSize;
    }

    Tape read(FileSource source) {
        String location = source.location();
        List<Tape.Unreadable> unreadable = new ArrayList<>();
        String content = load(location);
        Table table = format(source) == Format.CSV ? Table.csv(location, content, unreadable)
                : Table.json(location, content);
        Map<Field, String> columns = columns(source, table.columns());
        Rows rows = new Rows(source, columns, unreadable);
        List<Tape.Print> prints = kind(source, columns) == Kind.TICKS ? rows.ticks(table.rows())
                : rows.bars(table.rows());
        prints.sort(Comparator.comparing(Tape.Print::recordedAt));
        return new Tape(location, prints, unreadable);
    }

    private static String load(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                String name = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
                try (InputStream in = TapeReader.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new InvalidReplayFileException(location, "is not on the class path", null);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            String path = location.startsWith(FILE) ? location.substring(FILE.length()) : location;
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidReplayFileException(location, "cannot be read: " + e, e);
        }
    }

    private static Format format(FileSource source) {
        if (source.format() != Format.AUTO) {
            return source.format();
        }
        String name = source.location().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return Format.CSV;
        }
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        throw new InvalidReplayFileException(source.location(), "has neither a .csv nor a .json extension; set its"
                + " format", null);
    }

    /** Which column holds each field: the configured ones first, then the first known name still unclaimed. */
    private static Map<Field, String> columns(FileSource source, Set<String> available) {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        source.columns().forEach((key, column) -> {
            Field field = Field.byKey(key).orElseThrow(() -> new InvalidReplayFileException(source.location(),
                    "columns names an unknown field '" + key + "'; fields are " + List.of(Field.values()), null));
            String normalised = Field.normalise(column);
            if (!available.contains(normalised)) {
                throw new InvalidReplayFileException(source.location(), "has no column '" + column + "' for "
                        + key + "; its columns are " + available, null);
            }
            columns.put(field, normalised);
        });
        for (Field field : Field.values()) {
            if (!columns.containsKey(field)) {
                field.aliases().stream().filter(available::contains).filter(alias -> !columns.containsValue(alias))
                        .findFirst().ifPresent(alias -> columns.put(field, alias));
            }
        }
        if (!columns.containsKey(Field.TIMESTAMP)) {
            throw new InvalidReplayFileException(source.location(), "has no time column; its columns are "
                    + available + ", map one with columns.timestamp", null);
        }
        if (!columns.containsKey(Field.SYMBOL) && source.symbol() == null) {
            throw new InvalidReplayFileException(source.location(), "has no symbol column; set its symbol", null);
        }
        return columns;
    }

    private static Kind kind(FileSource source, Map<Field, String> columns) {
        boolean bars = columns.keySet().containsAll(List.of(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE));
        boolean ticks = columns.containsKey(Field.PRICE);
        Kind kind = source.kind() != Kind.AUTO ? source.kind() : bars ? Kind.BARS : Kind.TICKS;
        if (kind == Kind.BARS ? !bars : !ticks) {
            throw new InvalidReplayFileException(source.location(), "lacks the columns of " + kind.name()
                    .toLowerCase(Locale.ROOT) + " (a price, or open, high, low and close); found " + columns.keySet(),
                    null);
        }
        return kind;
    }

    /** Reads rows into prints, collecting the unreadable ones. */
    private final class Rows {
        private final FileSource source;
        private final Map<Field, String> columns;
        private final List<Tape.Unreadable> unreadable;

        Rows(FileSource source, Map<Field, String> columns, List<Tape.Unreadable> unreadable) {
            this.source = source;
            this.columns = columns;
            this.unreadable = unreadable;
        }

        List<Tape.Print> ticks(List<Table.Row> rows) {
            List<Tape.Print> prints = new ArrayList<>(rows.size());
            for (Table.Row row : rows) {
                Cells cells = new Cells(row);
                String symbol = cells.symbol();
                TimeParser.RecordedTime time = cells.time(symbol);
                BigDecimal price = cells.decimal(Field.PRICE, true);
                BigDecimal quantity = cells.quantity();
                long volume = cells.volume(quantity);
                BigDecimal amount = cells.decimal(Field.AMOUNT, false);
                if (cells.valid()) {
                    BigDecimal turnover = amount != null ? amount
                            : price.multiply(quantity).setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
                    prints.add(new Tape.Print(time.instant(), symbol, price, volume, turnover));
                }
            }
            return prints;
        }

        List<Tape.Print> bars(List<Table.Row> rows) {
            List<BarSplitter.SourceBar> bars = new ArrayList<>(rows.size());
            for (Table.Row row : rows) {
                Cells cells = new Cells(row);
                String symbol = cells.symbol();
                TimeParser.RecordedTime time = cells.time(symbol);
                BigDecimal open = cells.decimal(Field.OPEN, true);
                BigDecimal high = cells.decimal(Field.HIGH, true);
                BigDecimal low = cells.decimal(Field.LOW, true);
                BigDecimal close = cells.decimal(Field.CLOSE, true);
                long volume = cells.volume(cells.quantity());
                BigDecimal amount = cells.decimal(Field.AMOUNT, false);
                cells.checkRange(open, high, low, close);
                if (cells.valid()) {
                    bars.add(new BarSplitter.SourceBar(symbol, time.instant(), null, time.date(), open, high, low,
                            close, volume, amount));
                }
            }
            Map<String, Duration> lengths = lengths(bars);
            List<Tape.Print> prints = new ArrayList<>(bars.size() * 4);
            for (BarSplitter.SourceBar bar : bars) {
                BarSplitter.SourceBar timed = new BarSplitter.SourceBar(bar.symbol(), bar.start(),
                        lengths.get(bar.symbol()), bar.date(), bar.open(), bar.high(), bar.low(), bar.close(),
                        bar.volume(), bar.amount());
                prints.addAll(BarSplitter.split(timed, lotSize.applyAsInt(bar.symbol()), Market.of(bar.symbol())));
            }
            return prints;
        }

        /** Each symbol's bar length: the configured one, else the smallest gap between two of its bars. */
        private Map<String, Duration> lengths(List<BarSplitter.SourceBar> bars) {
            Map<String, List<BarSplitter.SourceBar>> bySymbol = new HashMap<>();
            bars.forEach(bar -> bySymbol.computeIfAbsent(bar.symbol(), symbol -> new ArrayList<>()).add(bar));
            Map<String, Duration> lengths = new HashMap<>();
            bySymbol.forEach((symbol, list) -> {
                list.sort(Comparator.comparing(BarSplitter.SourceBar::start));
                Duration smallest = null;
                for (int i = 1; i < list.size(); i++) {
                    Duration gap = Duration.between(list.get(i - 1).start(), list.get(i).start());
                    if (gap.isPositive() && (smallest == null || gap.compareTo(smallest) < 0)) {
                        smallest = gap;
                    }
                }
                Duration fallback = smallest == null ? DEFAULT_BAR : smallest;
                lengths.put(symbol, source.barLength() != null ? source.barLength() : fallback);
            });
            return lengths;
        }

        /** The cells of one row, with the problems found reading them. */
        private final class Cells {
            private final Table.Row row;
            private final List<String> problems = new ArrayList<>();
            private String symbol;

            Cells(Table.Row row) {
                this.row = row;
            }

            String symbol() {
                String value = text(Field.SYMBOL);
                symbol = value != null ? value : source.symbol();
                if (symbol == null) {
                    problems.add("symbol is missing");
                } else if (!Symbols.isValid(symbol)) {
                    problems.add("symbol '" + symbol + "' does not match " + Symbols.PATTERN);
                }
                return symbol;
            }

            TimeParser.RecordedTime time(String symbolOfRow) {
                String value = text(Field.TIMESTAMP);
                if (value == null) {
                    problems.add("timestamp is missing");
                    return null;
                }
                try {
                    boolean known = symbolOfRow != null && Symbols.isValid(symbolOfRow);
                    return TimeParser.parse(value, known ? Market.of(symbolOfRow).zone() : ZoneOffset.UTC);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                    return null;
                }
            }

            BigDecimal decimal(Field field, boolean required) {
                String value = text(field);
                if (value == null) {
                    if (required) {
                        problems.add(field.key() + " is missing");
                    }
                    return null;
                }
                try {
                    return new BigDecimal(value);
                } catch (NumberFormatException e) {
                    problems.add(field.key() + " '" + value + "' is not a number");
                    return null;
                }
            }

            /** The traded quantity as recorded; zero when the file has no volume. */
            BigDecimal quantity() {
                BigDecimal quantity = decimal(Field.VOLUME, false);
                return quantity == null ? BigDecimal.ZERO : quantity;
            }

            /** The quantity scaled and rounded to whole units. */
            long volume(BigDecimal quantity) {
                try {
                    return quantity.multiply(BigDecimal.valueOf(source.volumeScale()))
                            .setScale(0, RoundingMode.HALF_UP).longValueExact();
                } catch (ArithmeticException e) {
                    problems.add("volume " + quantity.toPlainString() + " is out of range");
                    return 0;
                }
            }

            void checkRange(BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {
                if (open == null || high == null || low == null || close == null) {
                    return;
                }
                if (low.compareTo(open.min(close)) > 0 || high.compareTo(open.max(close)) < 0) {
                    problems.add("bar is inconsistent: low " + low + " and high " + high + " do not enclose open "
                            + open + " and close " + close);
                }
            }

            boolean valid() {
                if (problems.isEmpty()) {
                    return true;
                }
                unreadable.add(new Tape.Unreadable(symbol, row.where() + ": " + row.text(), problems));
                return false;
            }

            private String text(Field field) {
                String column = columns.get(field);
                return column == null ? null : row.values().get(column);
            }
        }
    }
}
