package io.mystocks.ta;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads the outputs of an instance at one bar into an immutable map of finite values. */
final class Outputs {
    private Outputs() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Double> at(List<String> names, Line[] lines, int index) {
        if (lines.length == 1) {
            double value = lines[0].at(index);
            return Double.isFinite(value) ? Map.of(names.getFirst(), value) : Map.of();
        }
        Map.Entry<String, Double>[] entries = new Map.Entry[lines.length];
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            double value = lines[i].at(index);
            if (Double.isFinite(value)) {
                entries[count++] = Map.entry(names.get(i), value);
            }
        }
        return count == lines.length ? Map.ofEntries(entries) : Map.ofEntries(Arrays.copyOf(entries, count));
    }
}
