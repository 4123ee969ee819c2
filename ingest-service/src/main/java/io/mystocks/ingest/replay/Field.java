package io.mystocks.ingest.replay;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The fields a replay file can hold, each with the column names the reader recognises on its own. */
enum Field {
    SYMBOL("symbol", "ticker", "code"),
    TIMESTAMP("timestamp", "time", "datetime", "date", "ts", "opentime", "begintime", "starttime", "endtime"),
    PRICE("price", "last", "tradeprice"),
    OPEN("open", "openprice"),
    HIGH("high", "highprice"),
    LOW("low", "lowprice"),
    CLOSE("close", "closeprice"),
    VOLUME("volume", "vol", "quantity", "qty", "size"),
    AMOUNT("amount", "turnover", "value");

    private final List<String> aliases;

    Field(String... aliases) {
        this.aliases = List.of(aliases);
    }

    /** The column names this field goes by, normalised as {@link #normalise(String)} does. */
    List<String> aliases() {
        return aliases;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Field> byKey(String key) {
        String normalised = normalise(key);
        for (Field field : values()) {
            if (field.key().equals(normalised)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** A column name without case, spaces, underscores or dashes: {@code Open_Price} is {@code openprice}. */
    static String normalise(String column) {
        return column.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
