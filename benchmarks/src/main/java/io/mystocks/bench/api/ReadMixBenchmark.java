package io.mystocks.bench.api;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API under the seed's GET mix from a generator light enough to leave the server most of the machine: one
 * event-loop thread with keep-alive connections, at a fixed arrival rate ({@code --rate}) or as fast as the
 * connections go ({@code --rate=0}). Prints throughput, failures, latency percentiles in total and per route,
 * and the CPU the generator and (with {@code --server-pid}) the server used per request over the measured time
 * (the server's includes its background work: the read model's feed, probes). Needs a running
 * stack; see {@link ReadMixOptions} for the settings.
 */
public final class ReadMixBenchmark {
    private static final long DRAIN_MILLIS = 2_000;

    private ReadMixBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        ReadMixOptions options = ReadMixOptions.parse(args);
        ReadMixRecorder recorder = new ReadMixRecorder();
        ReadMixLoad load = new ReadMixLoad(options, recorder);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> generatorCpu = new ArrayList<>(2);
        List<Optional<Duration>> serverCpu = new ArrayList<>(2);
        load.atMeasureEdges(() -> {
            generatorCpu.add(os.getProcessCpuTime());
            serverCpu.add(cpu(options.serverPid()));
        });

        load.run(DRAIN_MILLIS);

        double seconds = (load.measuredTo() - load.measuredFrom()) / 1e9;
        long generator = generatorCpu.get(1) - generatorCpu.get(0);
        print(options, recorder, load, seconds, generator, serverCpu.get(0), serverCpu.get(1));
    }

    private static void print(ReadMixOptions options, ReadMixRecorder recorder, ReadMixLoad load, double seconds,
                              long generatorNanos, Optional<Duration> serverBefore, Optional<Duration> serverAfter) {
        long[] all = recorder.sortedAll();
        int failed = 0;
        for (int route = 0; route < ReadMix.routes(); route++) {
            failed += recorder.failures(route);
        }
        System.out.printf(Locale.ROOT, "Read mix against %s: %s, %d connections over %d client addresses, "
                        + "%.0f s measured after %d s of warm-up%n", options.baseUrl(),
                options.rate() == 0 ? "as fast as the connections go" : options.rate() + " requests/s scheduled",
                options.connections(), options.localAddresses(), seconds, options.warmup().toSeconds());
        System.out.printf(Locale.ROOT, "requests: %,d answered (%,.0f/s), %,d failed, %,d scheduled but not sent%n",
                all.length, all.length / seconds, failed, load.unsent());
        System.out.printf(Locale.ROOT, "latency:  %s%n", percentiles(all));
        System.out.printf(Locale.ROOT, "cpu:      generator %.1f us per request (%.2f cores)%s%n",
                generatorNanos / 1e3 / Math.max(1, all.length), generatorNanos / 1e9 / seconds,
                server(serverBefore, serverAfter, all.length, seconds));
        if (!recorder.reasons().isEmpty()) {
            System.out.println("failures: " + recorder.reasons());
        }
        if (!load.lostConnections().isEmpty()) {
            System.out.println("connections lost before the end: " + load.lostConnections());
        }
        System.out.println();
        System.out.println("| route | requests | failed | p50 ms | p99 ms | max ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (int route = 0; route < ReadMix.routes(); route++) {
            long[] sorted = recorder.sorted(route);
            System.out.printf(Locale.ROOT, "| `%s` | %,d | %d | %s | %s | %s |%n", ReadMix.template(route),
                    sorted.length, recorder.failures(route), millis(percentile(sorted, 50)),
                    millis(percentile(sorted, 99)), millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        }
    }

    private static String server(Optional<Duration> before, Optional<Duration> after, int requests, double seconds) {
        if (before.isEmpty() || after.isEmpty()) {
            return "";
        }
        long nanos = after.get().minus(before.get()).toNanos();
        return String.format(Locale.ROOT, ", server %.1f us per request (%.2f cores)",
                nanos / 1e3 / Math.max(1, requests), nanos / 1e9 / seconds);
    }

    private static Optional<Duration> cpu(long pid) {
        return pid < 0 ? Optional.empty() : ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration());
    }

    private static String percentiles(long[] sorted) {
        return String.format(Locale.ROOT, "p50 %s ms, p90 %s, p99 %s, p99.9 %s, max %s, mean %s",
                millis(percentile(sorted, 50)), millis(percentile(sorted, 90)), millis(percentile(sorted, 99)),
                millis(percentile(sorted, 99.9)), millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                millis(mean(sorted)));
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long mean(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
