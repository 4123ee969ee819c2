package io.mystocks.bench.stream;

import io.mystocks.bench.Arguments;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What one run of {@link QuotePipelineBenchmark} does, from {@code --name=value} arguments.
 *
 * @param rate           quotes per second the generator aims at
 * @param symbols        how many symbols the quotes cycle through (600000, 600001, ...)
 * @param warmup         how long the pipeline runs before measuring
 * @param duration       how long the measurement lasts
 * @param commitInterval the Streams commit interval
 * @param emitInterval   the topology's publishing tick
 * @param emitBudget     how long one task's tick may spend publishing bars and indicator snapshots
 * @param streamThreads  stream threads of the Streams client
 * @param sampleEvery    latency is measured on every n-th symbol (all of its quotes)
 * @param drain          how long, after the generator stops, the probe waits for the last quotes to show
 * @param seriesCache    live indicator series kept per stream task; a series not kept is rebuilt from the
 *                       store for every snapshot (default: enough for every series of the symbols)
 */
record BenchmarkOptions(int rate, int symbols, Duration warmup, Duration duration, Duration commitInterval,
                        Duration emitInterval, Duration emitBudget, int streamThreads, int sampleEvery, Duration drain,
                        int seriesCache) {
    static final String USAGE = "options: --rate=50000 --symbols=5000 --warmup=15s --duration=60s "
            + "--commit-interval=250ms --emit-interval=200ms --emit-budget=10ms --stream-threads=1 "
            + "--sample-every=10 --drain=30s --series-cache=<symbols x 8 / 6 + 10%>";

    private static final Set<String> NAMES = Set.of("rate", "symbols", "warmup", "duration", "commit-interval",
            "emit-interval", "emit-budget", "stream-threads", "sample-every", "drain", "series-cache");

    BenchmarkOptions {
        if (rate < 1 || symbols < 1 || symbols > 100_000 || streamThreads < 1 || sampleEvery < 1
                || seriesCache < 1) {
            throw new IllegalArgumentException("rate, symbols (at most 100000), stream-threads, sample-every and "
                    + "series-cache must be positive; " + USAGE);
        }
    }

    static BenchmarkOptions parse(String... args) {
        Map<String, String> values = Arguments.parse(args, NAMES, USAGE);
        int symbols = Integer.parseInt(values.getOrDefault("symbols", "5000"));
        // Every symbol has a series per interval, spread over the topic's six partitions (tasks).
        int everySeries = (int) Math.ceil(symbols * 8 / 6.0 * 1.1);
        return new BenchmarkOptions(
                Integer.parseInt(values.getOrDefault("rate", "50000")),
                symbols,
                Arguments.duration(values.getOrDefault("warmup", "15s")),
                Arguments.duration(values.getOrDefault("duration", "60s")),
                Arguments.duration(values.getOrDefault("commit-interval", "250ms")),
                Arguments.duration(values.getOrDefault("emit-interval", "200ms")),
                Arguments.duration(values.getOrDefault("emit-budget", "10ms")),
                Integer.parseInt(values.getOrDefault("stream-threads", "1")),
                Integer.parseInt(values.getOrDefault("sample-every", "10")),
                Arguments.duration(values.getOrDefault("drain", "30s")),
                Integer.parseInt(values.getOrDefault("series-cache", Integer.toString(everySeries))));
    }
}
