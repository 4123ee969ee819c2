package io.mystocks.bench.jobs;

import io.mystocks.bench.Arguments;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The settings of one job-throughput run, from {@code --name=value} arguments. */
record JobOptions(URI baseUrl, int jobs, int concurrency, String strategy, List<String> symbols, Duration timeout,
                  Duration pollInterval, int pollWindow) {
    static final String USAGE = "options: --base-url=http://127.0.0.1:8080 --jobs=2000 --concurrency=16 "
            + "--strategy=ma_cross --symbols=600519,000001,AAPL --timeout=300s --poll-interval=200ms "
            + "--poll-window=128";

    private static final Set<String> NAMES = Set.of("base-url", "jobs", "concurrency", "strategy", "symbols",
            "timeout", "poll-interval", "poll-window");

    JobOptions {
        if (jobs < 1 || concurrency < 1 || pollWindow < 1 || symbols.isEmpty()) {
            throw new IllegalArgumentException("jobs, concurrency and poll-window must be positive and symbols not "
                    + "empty; "
                    + USAGE);
        }
        symbols = List.copyOf(symbols);
    }

    static JobOptions parse(String... args) {
        Map<String, String> values = Arguments.parse(args, NAMES, USAGE);
        return new JobOptions(
                URI.create(values.getOrDefault("base-url", "http://127.0.0.1:8080")),
                Integer.parseInt(values.getOrDefault("jobs", "2000")),
                Integer.parseInt(values.getOrDefault("concurrency", "16")),
                values.getOrDefault("strategy", "ma_cross"),
                List.of(values.getOrDefault("symbols", "600519,000001,AAPL").split(",")),
                Arguments.duration(values.getOrDefault("timeout", "300s")),
                Arguments.duration(values.getOrDefault("poll-interval", "200ms")),
                Integer.parseInt(values.getOrDefault("poll-window", "128")));
    }
}
