package io.mystocks.bench.jobs;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What one run measured, printed for a person and as a Markdown table. */
record JobReport(JobOptions options, JobThroughputBenchmark.Submissions submissions, Duration submitTime,
                 List<JobTimes> finished, long polls) {
    boolean complete() {
        return finished.size() == submissions.jobIds().size() && succeeded() == finished.size();
    }

    void print(PrintStream out) {
        int accepted = submissions.jobIds().size();
        out.println("Strategy job throughput, end to end");
        out.printf(Locale.ROOT, "jobs:       %,d x %s over %s, %d in flight; accepted %,d in %.1f s (%,.0f/s); "
                + "refusals %s%n", options.jobs(), options.strategy(), options.symbols(), options.concurrency(),
                accepted, seconds(submitTime), accepted / seconds(submitTime), submissions.refusals());
        out.printf(Locale.ROOT, "finished:   %,d of %,d (%s); %,d result polls (%.1f per job)%n", finished.size(),
                accepted, byStatus(), polls, (double) polls / Math.max(1, accepted));
        if (finished.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "throughput: %,.1f jobs/s from the first submission to the last completion "
                + "(%.2f s, server timestamps)%n", finished.size() / seconds(span()), seconds(span()));
        out.printf(Locale.ROOT, "latency:    submitted -> finished p50 %s, p95 %s, p99 %s, max %s%n",
                percentile(JobTimes::endToEnd, 0.50), percentile(JobTimes::endToEnd, 0.95),
                percentile(JobTimes::endToEnd, 0.99), percentile(JobTimes::endToEnd, 1.0));
        out.printf(Locale.ROOT, "run time:   started -> finished p50 %s, p99 %s%n",
                percentile(JobTimes::running, 0.50), percentile(JobTimes::running, 0.99));
        out.println();
        out.println("| strategy jobs, end to end | measured |");
        out.println("| --- | --- |");
        out.printf(Locale.ROOT, "| jobs | %,d `%s`, %d in flight, %s |%n", options.jobs(), options.strategy(),
                options.concurrency(), byStatus());
        out.printf(Locale.ROOT, "| throughput | %,.1f jobs/s |%n", finished.size() / seconds(span()));
        out.printf(Locale.ROOT, "| submitted -> finished | p50 %s, p99 %s |%n",
                percentile(JobTimes::endToEnd, 0.50), percentile(JobTimes::endToEnd, 0.99));
    }

    private long succeeded() {
        return finished.stream().filter(times -> "SUCCEEDED".equals(times.status())).count();
    }

    private Map<String, Long> byStatus() {
        return finished.stream().collect(Collectors.groupingBy(JobTimes::status, TreeMap::new,
                Collectors.counting()));
    }

    private Duration span() {
        Instant first = finished.stream().map(JobTimes::submitted).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = finished.stream().map(JobTimes::finished).max(Comparator.naturalOrder()).orElseThrow();
        return Duration.between(first, last);
    }

    /** Nearest-rank percentile. */
    private String percentile(Function<JobTimes, Duration> measure, double fraction) {
        List<Duration> sorted = finished.stream().map(measure).sorted().toList();
        int rank = (int) Math.ceil(fraction * sorted.size());
        return String.format(Locale.ROOT, "%.1f ms", sorted.get(Math.max(0, rank - 1)).toNanos() / 1e6);
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }
}
