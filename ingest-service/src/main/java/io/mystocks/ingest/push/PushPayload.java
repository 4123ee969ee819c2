package io.mystocks.ingest.push;

import io.mystocks.contracts.Json;
import io.mystocks.contracts.Quote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a pushed body: a JSON array of quotes, or an object whose {@code quotes} field is one. Each element
 * is read on its own, so one bad element costs only itself; every problem of an element is reported, each
 * naming its field.
 *
 * <p>{@code NaN} and {@code Infinity} are read as numbers (many JSON writers emit them) so that the element
 * holding one is rejected alone, rather than the whole body failing to parse. Decimals stay exact.
 */
final class PushPayload {
    /** The feed name of pushed quotes: the metrics tag, the dead letter's source and the quote's source. */
    static final String FEED = "http";

    private static final JsonMapper MAPPER = Json.mapper().rebuild()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    /** Beyond this a price or turnover is a bug in the feed, and would overflow what consumers store. */
    private static final BigDecimal LARGEST = new BigDecimal("1e15");
    private static final int AMOUNT_SCALE = 2;
    private static final String EXAMPLE_TIME = "2026-12-03T10:15:30Z";

    private PushPayload() {
    }

    /**
     * @throws PayloadException when the body is not JSON, not a batch, or holds more than {@code maxRecords}
     */
    static List<PushRecord> parse(byte[] body, int maxRecords) {
        JsonNode batch = quotes(tree(body));
        if (batch.size() > maxRecords) {
            throw PayloadException.tooLarge("the batch holds " + batch.size() + " quotes, at most " + maxRecords
                    + " are taken per request; split it");
        }
        List<PushRecord> records = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            records.add(record(i, batch.get(i)));
        }
        return records;
    }

    private static JsonNode tree(byte[] body) {
        if (body.length == 0) {
            throw PayloadException.malformed("the body is empty; send a JSON array of quotes");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw PayloadException.malformed("malformed JSON" + where(e.getLocation()) + ": " + brief(e));
        }
    }

    private static JsonNode quotes(JsonNode root) {
        if (root.isArray()) {
            return root;
        }
        if (root.isObject() && root.path("quotes").isArray()) {
            return root.get("quotes");
        }
        throw PayloadException.malformed("expected a JSON array of quotes, or an object with a \"quotes\" array;"
                + " got " + describe(root));
    }

    private static PushRecord record(int index, JsonNode element) {
        if (element == null || !element.isObject()) {
            return new PushRecord.Unreadable(index, null, String.valueOf(element),
                    List.of("quote must be a JSON object, was " + describe(element)));
        }
        Fields fields = new Fields(element);
        String symbol = fields.symbol();
        Instant timestamp = fields.timestamp();
        BigDecimal price = fields.decimal("price", true);
        Long volume = fields.volume();
        BigDecimal amount = fields.decimal("amount", false);
        if (!fields.problems.isEmpty()) {
            return new PushRecord.Unreadable(index, symbol, element.toString(), fields.problems);
        }
        if (amount == null) {
            amount = price.multiply(BigDecimal.valueOf(volume)).setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
        }
        return new PushRecord.Readable(index, new Quote(symbol, timestamp, price, volume, amount, FEED));
    }

    /** The fields of one element, collecting every problem rather than stopping at the first. */
    private static final class Fields {
        private final JsonNode element;
        private final List<String> problems = new ArrayList<>();

        Fields(JsonNode element) {
            this.element = element;
        }

        String symbol() {
            JsonNode node = present("symbol", true);
            if (node == null) {
                return null;
            }
            if (!node.isString()) {
                problems.add("symbol must be a string, was " + describe(node));
                return null;
            }
            return node.stringValue();
        }

        Instant timestamp() {
            JsonNode node = present("timestamp", true);
            if (node == null) {
                return null;
            }
            if (!node.isString()) {
                problems.add("timestamp must be an ISO-8601 string such as " + EXAMPLE_TIME + ", was "
                        + describe(node));
                return null;
            }
            try {
                return OffsetDateTime.parse(node.stringValue()).toInstant();
            } catch (DateTimeParseException e) {
                problems.add("timestamp '" + node.stringValue() + "' is not an ISO-8601 time with a zone offset,"
                        + " such as " + EXAMPLE_TIME);
                return null;
            }
        }

        BigDecimal decimal(String field, boolean required) {
            JsonNode node = present(field, required);
            if (node == null) {
                return null;
            }
            BigDecimal value = null;
            if (node.isNumber()) {
                value = node.isDouble() || node.isFloat() ? finite(field, node.doubleValue()) : node.decimalValue();
            } else if (node.isString()) {
                value = parseDecimal(field, node.stringValue());
            } else {
                problems.add(field + " must be a number, was " + describe(node));
            }
            if (value != null && value.abs().compareTo(LARGEST) > 0) {
                problems.add(field + " " + value + " is out of range (at most " + LARGEST + ")");
                return null;
            }
            return value;
        }

        Long volume() {
            BigDecimal value = decimal("volume", true);
            if (value == null) {
                return null;
            }
            try {
                BigInteger whole = value.toBigIntegerExact();
                return whole.longValueExact();
            } catch (ArithmeticException e) {
                problems.add("volume must be a whole number of shares, was " + value.toPlainString());
                return null;
            }
        }

        private BigDecimal finite(String field, double value) {
            if (!Double.isFinite(value)) {
                problems.add(field + " must be a finite number, was " + value);
                return null;
            }
            return BigDecimal.valueOf(value);
        }

        private BigDecimal parseDecimal(String field, String text) {
            String trimmed = text.strip();
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.contains("nan") || lower.contains("inf")) {
                problems.add(field + " must be a finite number, was '" + text + "'");
                return null;
            }
            try {
                return new BigDecimal(trimmed);
            } catch (NumberFormatException e) {
                problems.add(field + " '" + text + "' is not a number");
                return null;
            }
        }

        private JsonNode present(String field, boolean required) {
            JsonNode node = element.get(field);
            if (node == null || node.isNull()) {
                if (required) {
                    problems.add(field + " is missing");
                }
                return null;
            }
            return node;
        }
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's own message without the source description it appends. */
    private static String brief(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int detail = message.indexOf(" (start marker at");
        return detail < 0 ? message : message.substring(0, detail);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + (node.isValueNode() ? " " + node : "");
    }
}
