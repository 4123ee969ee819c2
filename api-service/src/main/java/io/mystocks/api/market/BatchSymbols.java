package io.mystocks.api.market;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.Symbols;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code symbols} parameter of a batch request: comma-separated, blanks and duplicates dropped,
 * symbols upper-cased, entries that are not symbols set aside.
 *
 * @param valid   distinct well-formed symbols, in the order given
 * @param invalid distinct entries that are not symbols, as given (trimmed)
 */
record BatchSymbols(List<String> valid, List<String> invalid) {

    /**
     * @throws ApiException 400 when no symbol is given or more than {@code max} distinct ones
     */
    static BatchSymbols parse(String text, int max) {
        Set<String> valid = new LinkedHashSet<>();
        Set<String> invalid = new LinkedHashSet<>();
        int start = 0;
        int length = text == null ? 0 : text.length();
        while (start < length) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            String entry = text.substring(start, end).trim();
            if (!entry.isEmpty()) {
                String symbol = entry.toUpperCase(Locale.ROOT);
                if (Symbols.isValid(symbol)) {
                    valid.add(symbol);
                } else {
                    invalid.add(entry);
                }
                if (valid.size() + invalid.size() > max) {
                    throw tooMany(max);
                }
            }
            start = end + 1;
        }
        if (valid.isEmpty() && invalid.isEmpty()) {
            throw ApiException.invalid(new FieldViolation("symbols", "REQUIRED", "symbols is required: send up to "
                    + max + " comma-separated symbols, such as symbols=600519,000001,AAPL"));
        }
        return new BatchSymbols(new ArrayList<>(valid), new ArrayList<>(invalid));
    }

    private static ApiException tooMany(int max) {
        return ApiException.invalid(new FieldViolation("symbols", "TOO_MANY", "symbols names more than " + max
                + " distinct entries, the limit per request (mystocks.market.batch-max-symbols); split the "
                + "request"));
    }
}
