package io.mystocks.bench.stream;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What one run measured, printed for a person and as a Markdown table for the README.
 *
 * @param latenciesMicros send-to-visible latencies of the measured quotes, sorted
 * @param unreflected     measured quotes no latest quote showed before the drain ended
 * @param leftOut         quotes left out of the latencies (a trading-day rollover, or beyond the capacity)
 * @param loadAtStart     the machine's one-minute load average when the measurement started; other
 *                        processes competing for the cores show here
 */
record BenchmarkReport(BenchmarkOptions options, double sentPerSecond, double consumedPerSecond, long lagAtEnd,
                       long[] latenciesMicros, long unreflected, Duration drained, long leftOut,
                       Map<String, Double> cores, Map<String, Double> metrics, double loadAtStart,
                       double loadAtEnd) {
    /** The cost of one indicator snapshot of the standard set, measured by the indicator catalogue. */
    private static final double SNAPSHOT_MICROS = 14;

    void print(PrintStream out) {
        out.println("Quote pipeline benchmark");
        out.println("machine:    " + String.join(", ", QuotePipelineBenchmark.machine())
                + "; broker, Streams, load generator and probe in one JVM");
        out.printf(Locale.ROOT, "load:       %,d symbols, target %,d quotes/s, warm-up %s, measured %s%n",
                options.symbols(), options.rate(), options.warmup(), options.duration());
        out.printf(Locale.ROOT, "streams:    exactly_once_v2, %d stream thread(s), commit interval %d ms, "
                + "emit interval %d ms, emit budget %d ms, series cache %,d per task%n", options.streamThreads(),
                options.commitInterval().toMillis(), options.emitInterval().toMillis(),
                options.emitBudget().toMillis(), options.seriesCache());
        out.printf(Locale.ROOT, "throughput: sent %,.0f quotes/s; Streams consumed %,.0f quotes/s; "
                + "lag at the end %,d quotes%n", sentPerSecond, consumedPerSecond, lagAtEnd);
        out.printf(Locale.ROOT, "latency:    send -> latest quote visible (read_committed), %,d quotes of every "
                + "%d-th symbol: p50 %s, p95 %s, p99 %s, max %s%n", latenciesMicros.length, options.sampleEvery(),
                ms(0.50), ms(0.95), ms(0.99), max());
        out.printf(Locale.ROOT, "            not shown within %d s after the load stopped: %,d; left out: %,d; "
                + "drain took %.1f s%n", options.drain().toSeconds(), unreflected, leftOut,
                drained.toMillis() / 1000.0);
        out.printf(Locale.ROOT, "            load average %.1f at the start, %.1f at the end of the measurement "
                + "(this process uses at most %.1f)%n", loadAtStart, loadAtEnd, cores.get("total"));
        out.println("cpu:        cores used by thread group during the measurement");
        cores.forEach((group, used) -> out.printf(Locale.ROOT, "            %-52s %5.2f%n", group, used));
        out.println("streams thread metrics (last sample window):");
        metrics.forEach((name, value) -> out.printf(Locale.ROOT, "            %-40s %,.3f%n", name, value));
        double snapshotsPerSecond = metrics.getOrDefault("produced.analytics.indicators per s", 0.0);
        out.printf(Locale.ROOT, "            indicator snapshots ~%,.0f/s x %.0f us = %.2f cores%n",
                snapshotsPerSecond, SNAPSHOT_MICROS, snapshotsPerSecond * SNAPSHOT_MICROS / 1e6);
        out.println();
        out.println(markdown());
    }

    String markdown() {
        StringBuilder table = new StringBuilder();
        table.append("| quote pipeline, one JVM | measured |\n| --- | --- |\n");
        table.append(row("machine", String.join(", ", QuotePipelineBenchmark.machine()) + String.format(Locale.ROOT,
                "; load average %.1f-%.1f", loadAtStart, loadAtEnd)));
        table.append(row("load", String.format(Locale.ROOT, "%,d symbols, target %,d quotes/s for %d s after "
                + "%d s warm-up; achieved %,.0f/s", options.symbols(), options.rate(),
                options.duration().toSeconds(), options.warmup().toSeconds(), sentPerSecond)));
        table.append(row("Streams", String.format(Locale.ROOT, "exactly_once_v2, %d thread(s), commit %d ms, "
                + "emit %d ms (budget %d ms)", options.streamThreads(), options.commitInterval().toMillis(),
                options.emitInterval().toMillis(), options.emitBudget().toMillis())));
        table.append(row("consumed", String.format(Locale.ROOT, "%,.0f quotes/s, lag at the end %,d",
                consumedPerSecond, lagAtEnd)));
        table.append(row("send -> latest quote visible", String.format(Locale.ROOT, "p50 %s, p95 %s, p99 %s, max %s",
                ms(0.50), ms(0.95), ms(0.99), max())));
        table.append(row("CPU (cores)", String.format(Locale.ROOT, "Streams thread %.2f, broker %.2f, load "
                + "generator %.2f, GC/JIT %.2f, total %.2f", cores.get(CpuBreakdown.STREAM_THREAD),
                cores.get(CpuBreakdown.BROKER), cores.get(CpuBreakdown.GENERATOR)
                        + cores.get(CpuBreakdown.GENERATOR_IO), cores.get(CpuBreakdown.NATIVE), cores.get("total"))));
        return table.toString();
    }

    private static String row(String name, String value) {
        return "| " + name + " | " + value + " |\n";
    }

    private String ms(double quantile) {
        if (latenciesMicros.length == 0) {
            return "n/a";
        }
        int index = (int) Math.ceil(quantile * latenciesMicros.length) - 1;
        return String.format(Locale.ROOT, "%,.0f ms", latenciesMicros[Math.max(0, index)] / 1000.0);
    }

    private String max() {
        return latenciesMicros.length == 0 ? "n/a"
                : String.format(Locale.ROOT, "%,.0f ms", latenciesMicros[latenciesMicros.length - 1] / 1000.0);
    }
}
