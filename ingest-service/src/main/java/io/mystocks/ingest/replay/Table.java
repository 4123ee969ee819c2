package io.mystocks.ingest.replay;

import io.mystocks.contracts.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A replay file as rows of text values keyed by normalised column name, whatever its format. A CSV file has
 * {@code #} comment lines, a header row and fields separated by commas, optionally in double quotes (which may
 * not hold a comma). A JSON file is an array of objects, or an object whose first array field holds them.
 */
record Table(Set<String> columns, List<Row> rows) {
    /**
     * @param where  the file and line (or element) of the row, for messages
     * @param text   the row as it stands in the file
     * @param values the row's values by normalised column name; an empty cell is left out
     */
    record Row(String where, String text, Map<String, String> values) {
    }

    /** Rows whose field count differs from the header's cannot be read; they become {@code broken} rows. */
    static Table csv(String location, String content, List<Tape.Unreadable> broken) {
        List<String> lines = content.lines().toList();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            String where = location + " line " + (i + 1);
            if (header == null) {
                header = fields.stream().map(Field::normalise).toList();
            } else if (fields.size() != header.size()) {
                broken.add(new Tape.Unreadable(null, where + ": " + line, List.of("has " + fields.size()
                        + " fields, the header " + header.size())));
            } else {
                rows.add(new Row(where, line, values(header, fields)));
            }
        }
        if (header == null) {
            throw new InvalidReplayFileException(location, "has no header row", null);
        }
        return new Table(new LinkedHashSet<>(header), rows);
    }

    static Table json(String location, String content) {
        JsonNode elements = elements(location, tree(location, content));
        Set<String> columns = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            Map<String, String> values = new HashMap<>();
            if (element.isObject()) {
                element.properties().forEach(property -> {
                    String column = Field.normalise(property.getKey());
                    columns.add(column);
                    JsonNode value = property.getValue();
                    if (!value.isNull()) {
                        values.put(column, value.isString() ? value.stringValue() : value.toString());
                    }
                });
            }
            rows.add(new Row(location + " element " + i, element.toString(), values));
        }
        return new Table(columns, rows);
    }

    private static JsonNode tree(String location, String content) {
        try {
            return Json.mapper().readTree(content);
        } catch (JacksonException e) {
            throw new InvalidReplayFileException(location, "is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode elements(String location, JsonNode root) {
        if (root.isArray()) {
            return root;
        }
        if (root.isObject()) {
            for (JsonNode value : root.values()) {
                if (value.isArray()) {
                    return value;
                }
            }
        }
        throw new InvalidReplayFileException(location, "holds no array of records", null);
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split(",", -1)) {
            String value = field.strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).strip();
            }
            fields.add(value);
        }
        return fields;
    }

    private static Map<String, String> values(List<String> header, List<String> fields) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!fields.get(i).isEmpty()) {
                values.put(header.get(i), fields.get(i));
            }
        }
        return values;
    }
}
