package io.mystocks.bench.jobs;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The settings of one job-throughput run, from {@code --name=value} arguments. */
record JobOptions(URI baseUrl, int jobs, int concurrency, String strategy, List<String> symbols, Duration timeout,
                  Duration pollInterval) {
    static final String USAGE = "options: --base-url=http://127.0.0.1:8080 --jobs=2000 --concurrency=16 "
            + "--strategy=ma_cross --symbols=600519,000001,AAPL --timeout=300s --poll-interval=200ms";

    private static final Set<String> NAMES = Set.of("base-url", "jobs", "concurrency", "strategy", "symbols",
            "timeout", "poll-interval");

    JobOptions {
        if (jobs < 1 || concurrency < 1 || symbols.isEmpty()) {
            throw new IllegalArgumentException("jobs and concurrency must be positive and symbols not empty; "
                    + USAGE);
        }
        symbols = List.copyOf(symbols);
    }

    static JobOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : "";
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; " + USAGE);
            }
            values.put(name, arg.substring(equals + 1));
        }
        return new JobOptions(
                URI.create(values.getOrDefault("base-url", "http://127.0.0.1:8080")),
                Integer.parseInt(values.getOrDefault("jobs", "2000")),
                Integer.parseInt(values.getOrDefault("concurrency", "16")),
                values.getOrDefault("strategy", "ma_cross"),
                List.of(values.getOrDefault("symbols", "600519,000001,AAPL").split(",")),
                duration(values.getOrDefault("timeout", "300s")),
                duration(values.getOrDefault("poll-interval", "200ms")));
    }

    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration such as 200ms or 30s; " + USAGE);
    }
}
