package io.mystocks.api.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one dependency as the health report shows it.
 *
 * @param detail  what was seen, in words an operator can act on
 * @param figures extra snake_case facts, such as record counts, in the order given
 */
public record DependencyStatus(boolean up, String detail, Map<String, Object> figures) {
    public DependencyStatus {
        Objects.requireNonNull(detail, "detail");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public static DependencyStatus up(String detail) {
        return new DependencyStatus(true, detail, Map.of());
    }

    public static DependencyStatus down(String detail) {
        return new DependencyStatus(false, detail, Map.of());
    }

    public DependencyStatus withFigures(Map<String, Object> more) {
        return new DependencyStatus(up, detail, more);
    }

    /** The JSON form: {@code status} ("up" or "down"), {@code detail}, then the figures. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", up ? "up" : "down");
        map.put("detail", detail);
        map.putAll(figures);
        return map;
    }
}
