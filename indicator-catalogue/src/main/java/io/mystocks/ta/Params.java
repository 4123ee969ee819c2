package io.mystocks.ta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The resolved parameters of an instance, every one present, in the definition's order. */
record Params(Map<String, Number> values) {
    Params {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    int integer(String name) {
        return get(name).intValue();
    }

    double decimal(String name) {
        return get(name).doubleValue();
    }

    private Number get(String name) {
        Number value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("no parameter " + name + " in " + values.keySet());
        }
        return value;
    }
}
