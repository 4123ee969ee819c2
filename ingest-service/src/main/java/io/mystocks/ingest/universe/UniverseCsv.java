package io.mystocks.ingest.universe;

import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Market;
import io.mystocks.contracts.Symbols;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the universe's CSV form: {@code #} comment lines, a header row naming the {@link #COLUMNS} in any
 * order, then one symbol per row. Fields are separated by commas and may not contain one. An optional
 * {@value #SAMPLE} column says whether the fundamentals are illustrative; without it they are taken as
 * sample data, which is the safe claim. Every row is checked; the first bad row fails the whole file with
 * its line number.
 */
final class UniverseCsv {
    static final List<String> COLUMNS = List.of("symbol", "name", "exchange", "currency", "sector", "lot_size",
            "ref_price", "pe", "pb", "roe", "revenue_growth", "profit_growth", "dividend_yield", "market_cap",
            "as_of");
    static final String SAMPLE = "sample";

    private static final Map<Market, Set<String>> EXCHANGES = Map.of(
            Market.CN, Set.of("SSE", "SZSE", "BSE"),
            Market.US, Set.of("NYSE", "NASDAQ"));

    private UniverseCsv() {
    }

    /**
     * @param source names the file in error messages
     * @param lines  the file's lines, in order
     */
    static List<ListedSymbol> parse(String source, List<String> lines) {
        Header header = null;
        Map<String, ListedSymbol> rows = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\uFEFF", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = header(source, i + 1, line);
                continue;
            }
            ListedSymbol row = new Row(source, i + 1, header, line.split(",", -1)).toListedSymbol();
            if (rows.putIfAbsent(row.symbol(), row) != null) {
                throw new InvalidUniverseException(source, i + 1, "symbol " + row.symbol() + " appears twice");
            }
        }
        if (header == null) {
            throw new InvalidUniverseException(source, lines.size(), "no header row; expected " + COLUMNS);
        }
        return List.copyOf(rows.values());
    }

    private static Header header(String source, int line, String text) {
        String[] names = text.split(",", -1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidUniverseException(source, line, "header lacks column(s) " + missing);
        }
        return new Header(Map.copyOf(columns), names.length);
    }

    /** The position of every column by its lower-case name, and how many columns there are. */
    private record Header(Map<String, Integer> columns, int width) {
    }

    private record Row(String source, int line, Header header, String[] fields) {
        ListedSymbol toListedSymbol() {
            if (fields.length != header.width()) {
                throw fail("has " + fields.length + " fields, the header " + header.width()
                        + " (fields may not contain a comma)");
            }
            String symbol = text("symbol");
            if (!Symbols.isValid(symbol)) {
                throw fail("symbol '" + symbol + "' does not match " + Symbols.PATTERN);
            }
            Market market = Market.of(symbol);
            Instrument instrument = new Instrument(symbol, text("name"), exchange(market), market,
                    currency(market), text("sector"), lotSize());
            return new ListedSymbol(instrument, referencePrice(), fundamentals(symbol));
        }

        private String exchange(Market market) {
            String exchange = text("exchange").toUpperCase(Locale.ROOT);
            if (!EXCHANGES.get(market).contains(exchange)) {
                throw fail("exchange '" + exchange + "' is not one of " + EXCHANGES.get(market) + " for a "
                        + market + " symbol");
            }
            return exchange;
        }

        private String currency(Market market) {
            String currency = text("currency");
            if (!market.currency().equals(currency)) {
                throw fail("currency '" + currency + "' is not " + market.currency() + ", the currency of "
                        + market);
            }
            return currency;
        }

        private int lotSize() {
            try {
                int lot = Integer.parseInt(text("lot_size"));
                if (lot <= 0) {
                    throw fail("lot_size must be positive, was " + lot);
                }
                return lot;
            } catch (NumberFormatException e) {
                throw fail("lot_size '" + text("lot_size") + "' is not a whole number");
            }
        }

        private BigDecimal referencePrice() {
            try {
                BigDecimal price = new BigDecimal(text("ref_price"));
                if (price.signum() <= 0) {
                    throw fail("ref_price must be positive, was " + price);
                }
                return price;
            } catch (NumberFormatException e) {
                throw fail("ref_price '" + text("ref_price") + "' is not a number");
            }
        }

        private Fundamentals fundamentals(String symbol) {
            double marketCap = number("market_cap");
            if (marketCap <= 0) {
                throw fail("market_cap must be positive, was " + marketCap);
            }
            double dividendYield = number("dividend_yield");
            if (dividendYield < 0) {
                throw fail("dividend_yield must not be negative, was " + dividendYield);
            }
            return new Fundamentals(symbol, number("pe"), number("pb"), number("roe"), number("revenue_growth"),
                    number("profit_growth"), dividendYield, marketCap, date("as_of"), sample());
        }

        private double number(String column) {
            try {
                double value = Double.parseDouble(text(column));
                if (!Double.isFinite(value)) {
                    throw fail(column + " must be a finite number, was " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw fail(column + " '" + text(column) + "' is not a number");
            }
        }

        private LocalDate date(String column) {
            try {
                return LocalDate.parse(text(column));
            } catch (DateTimeParseException e) {
                throw fail(column + " '" + text(column) + "' is not a date like 2026-09-30");
            }
        }

        private boolean sample() {
            if (!header.columns().containsKey(SAMPLE)) {
                return true;
            }
            String value = text(SAMPLE).toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw fail(SAMPLE + " must be true or false, was '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }

        private String text(String column) {
            String value = fields[header.columns().get(column)].strip();
            if (value.isEmpty()) {
                throw fail(column + " is empty");
            }
            return value;
        }

        private InvalidUniverseException fail(String problem) {
            return new InvalidUniverseException(source, line, problem);
        }
    }
}
