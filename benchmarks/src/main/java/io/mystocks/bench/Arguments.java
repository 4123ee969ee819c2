package io.mystocks.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The {@code --name=value} arguments every benchmark's main method takes. */
public final class Arguments {
    private Arguments() {
    }

    /**
     * The values by name.
     *
     * @throws IllegalArgumentException for an argument not of that form or not among {@code names}, with the usage
     */
    public static Map<String, String> parse(String[] args, Set<String> names, String usage) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : "";
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; " + usage);
            }
            values.put(name, arg.substring(equals + 1));
        }
        return values;
    }

    /** A duration such as {@code 250ms}, {@code 15s} or {@code 2m}. */
    public static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException("a duration such as 250ms, 15s or 2m, not '" + text + "'");
        };
    }
}
