package io.mystocks.api.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A GET request as a route's answer reads it: path variables and query parameters. Query parameters are read
 * as Spring reads them for {@code @RequestParam String}: {@code +} is a space, a name without {@code =} has no
 * value, and a name given more than once is the values joined by commas.
 */
public final class ReadRequest {
    private final String[] names;
    private final String[] values;
    private final String rawQuery;
    private MultiValueMap<String, String> query;

    private ReadRequest(String[] names, String[] values, String rawQuery) {
        this.names = names;
        this.values = values;
        this.rawQuery = rawQuery;
    }

    /**
     * @param names    the route's path variables, in order
     * @param values   their values in the request, in the same order
     * @param rawQuery the URL's query as sent (without '?'), or null
     */
    public static ReadRequest of(String[] names, String[] values, String rawQuery) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names for " + values.length + " values");
        }
        return new ReadRequest(names, values, rawQuery);
    }

    /**
     * A path variable of the route's template.
     *
     * @throws IllegalArgumentException when the template has no such variable
     */
    public String path(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("the route has no path variable " + name);
    }

    /** A query parameter, its values joined by commas; null when absent or given without a value. */
    public String query(String name) {
        List<String> given = queryParams().get(name);
        if (given == null) {
            return null;
        }
        if (given.size() == 1) {
            return given.getFirst();
        }
        return String.join(",", given.stream().map(value -> value == null ? "" : value).toList());
    }

    /** Every query parameter with all its values, in the order given. */
    public MultiValueMap<String, String> queryParams() {
        if (query == null) {
            query = parse(rawQuery);
        }
        return query;
    }

    private static MultiValueMap<String, String> parse(String raw) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        int start = 0;
        while (start <= raw.length()) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? raw.length() : amp;
            if (end > start) {
                int eq = raw.indexOf('=', start);
                if (eq < 0 || eq >= end) {
                    params.add(decode(raw.substring(start, end)), null);
                } else if (eq > start) {
                    params.add(decode(raw.substring(start, eq)), decode(raw.substring(eq + 1, end)));
                }
            }
            start = end + 1;
        }
        return params;
    }

    /** Only {@code +} needs decoding: the fast lane leaves queries with percent-escapes to Spring. */
    private static String decode(String text) {
        return text.indexOf('+') < 0 ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
