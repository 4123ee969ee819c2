package io.mystocks.load.report;

import static io.mystocks.load.report.Markdown.cell;
import static io.mystocks.load.report.Markdown.count;
import static io.mystocks.load.report.Markdown.decimal;
import static io.mystocks.load.report.Markdown.millis;
import static io.mystocks.load.report.Markdown.percent;

import io.mystocks.load.Route;
import io.mystocks.load.SaturationPlan;
import io.mystocks.load.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sections of {@code summary.md}, in order. */
final class SummarySections {
    private static final int MAX_ERRORS = 15;
    private static final String NONE = "–";

    private final Markdown md;
    private final Summary summary;
    private final Machine machine;
    private final RunStats stats;
    /** SSE subscriptions have nothing to compare with in the seed's request figures. */
    private final boolean besideSeed;

    SummarySections(Markdown md, Summary summary, Machine machine) {
        this.md = md;
        this.summary = summary;
        this.machine = machine;
        this.stats = summary.stats();
        this.besideSeed = summary.scenario() != Scenario.REALTIME;
    }

    void all() {
        header();
        totals();
        endpoints();
        failures();
        summary.plateaus().ifPresent(this::saturation);
        summary.realtime().ifPresent(this::realtime);
        resources();
    }

    private void header() {
        SimulationLog.Run run = summary.run();
        md.heading(1, "Load test summary: " + summary.scenario().id());
        md.bullet("Simulation: `" + run.simulationClass() + "` (Gatling " + run.gatlingVersion() + "), run `"
                + summary.runDir().getFileName() + "`; HTML report: `index.html` beside this file");
        md.bullet("Started " + Instant.ofEpochMilli(run.startMillis() + stats.firstStartMillis()) + "; requests over "
                + decimal(stats.seconds(), 1) + " s; " + count(stats.users()) + " virtual users");
        if (stats.warmUpRequests() > 0) {
            md.bullet("Warm-up: " + count(stats.warmUpRequests()) + " requests over "
                    + decimal(stats.warmUpSeconds(), 1) + " s in the same load-generator JVM just before, group `"
                    + RunStats.WARM_UP_GROUP + "`; no figure here includes them (Gatling's HTML report does)");
        }
        if (!run.description().isBlank()) {
            md.bullet("Settings: `" + run.description() + "`");
        }
        md.bullet("Commit: " + summary.commit());
        md.bullet("Machine: " + machine.cores() + " cores (" + machine.cpuModel() + "), "
                + decimal(machine.memoryMebibytes() / 1024.0, 1) + " GiB, " + machine.os() + "; JDK "
                + machine.jdk() + "; load generator on the same machine as the API");
    }

    private void totals() {
        RunStats.Endpoint total = stats.total();
        LatencyHistogram times = total.times();
        Route.Baseline seed = Route.SEED;
        List<List<String>> rows = List.of(
                List.of("requests", count(total.count()), count(seed.requests())),
                List.of("failures", count(total.failures()) + " (" + percent(total.failures(), total.count()) + ")",
                        count(seed.failures()) + " (" + percent(seed.failures(), seed.requests()) + ")"),
                List.of("throughput", decimal(stats.throughput(total), 1) + " req/s",
                        decimal(seed.requestsPerSecond(), 2) + " req/s"),
                List.of("mean", decimal(times.mean(), 2) + " ms", decimal(seed.meanMillis(), 2) + " ms"),
                List.of("p50", millis(times.percentile(50)), NONE),
                List.of("p95", millis(times.percentile(95)), millis(seed.p95Millis())),
                List.of("p99", millis(times.percentile(99)), millis(seed.p99Millis())),
                List.of("max", millis(times.max()), NONE));
        if (!besideSeed) {
            md.heading(2, "Totals");
            md.table(List.of("", "this run"), rows.stream().map(row -> row.subList(0, 2)).toList());
            return;
        }
        md.heading(2, "Totals, beside the seed");
        md.line("The seed is the old FastAPI service under Locust: " + seed.users() + " users, "
                + seed.durationSeconds() + " s, 0.1–0.4 s think time.");
        md.table(List.of("", "this run", "seed"), rows);
    }

    private void endpoints() {
        md.heading(2, "Per endpoint");
        md.line("Exact nearest-rank percentiles of every recorded response time (1 ms resolution); Gatling's "
                + "HTML report estimates them and may differ by a millisecond.");
        List<List<String>> rows = new ArrayList<>();
        for (RunStats.Endpoint endpoint : stats.endpoints()) {
            rows.add(endpointRow(endpoint, Route.byLabel(endpoint.name())));
        }
        rows.add(endpointRow(stats.total(), Optional.empty()));
        List<String> header = List.of("endpoint", "requests", "failed", "req/s", "mean", "p50", "p95", "p99", "max",
                "seed requests", "seed avg", "seed p95", "seed p99");
        int columns = besideSeed ? header.size() : header.size() - 4;
        md.table(header.subList(0, columns), rows.stream().map(row -> row.subList(0, columns)).toList());
        if (!besideSeed) {
            md.line("`GET /api/stream` is the time to the response headers; `first quote` and `quote` are waits "
                    + "for the next quote event, so their times are gaps between events, not latencies.");
        }
    }

    private List<String> endpointRow(RunStats.Endpoint endpoint, Optional<Route> seed) {
        LatencyHistogram times = endpoint.times();
        List<String> row = new ArrayList<>(List.of("`" + cell(endpoint.name()) + "`", count(endpoint.count()),
                count(endpoint.failures()), decimal(stats.throughput(endpoint), 1), decimal(times.mean(), 1),
                count(times.percentile(50)), count(times.percentile(95)), count(times.percentile(99)),
                count(times.max())));
        row.addAll(seed.map(route -> List.of(count(route.seedRequests()), count(route.seedMeanMillis()),
                count(route.seedP95Millis()), count(route.seedP99Millis()))).orElse(List.of(NONE, NONE, NONE, NONE)));
        return row;
    }

    private void failures() {
        List<Map.Entry<String, Long>> errors = stats.errors();
        List<String> others = summary.run().errors();
        if (errors.isEmpty() && others.isEmpty()) {
            return;
        }
        md.heading(2, "Failures");
        md.table(List.of("count", "request: message"), errors.stream().limit(MAX_ERRORS)
                .map(error -> List.of(count(error.getValue()), cell(error.getKey()))).toList());
        if (errors.size() > MAX_ERRORS) {
            md.line((errors.size() - MAX_ERRORS) + " more kinds of failure; see the HTML report.");
        }
        others.stream().distinct().limit(MAX_ERRORS).forEach(error -> md.bullet("Not sent: " + cell(error)));
    }

    private void saturation(Plateaus plateaus) {
        SaturationPlan plan = plateaus.plan();
        md.heading(2, "Saturation");
        md.line("Open workload on the seed's GET mix: " + plan.levelCount() + " plateaus of "
                + plan.level().toSeconds() + " s from " + decimal(plan.startRate(), 0) + " to "
                + decimal(plan.maxRate(), 0) + " arrivals/s, " + plan.ramp().toSeconds()
                + " s ramps between them. Each plateau is judged on the requests started in it after its first "
                + decimal(plan.settle().toMillis() / 1000.0, 1) + " s: held when they reach "
                + (int) (SaturationPlan.MIN_ACHIEVED_SHARE * 100) + " % of the target rate, none fails and "
                + "p99 < " + plan.p99LimitMillis() + " ms. A plateau short of its rate means the load generator, "
                + "not the API, ran out: compare the generator's CPU below.");
        List<List<String>> rows = new ArrayList<>();
        for (Plateaus.Result result : plateaus.results()) {
            LatencyHistogram times = result.times();
            rows.add(List.of(Integer.toString(result.level().number()), decimal(result.level().targetRate(), 0),
                    decimal(result.achievedRate(), 0), count(times.count()), count(result.failures()),
                    count(times.percentile(50)), count(times.percentile(95)), count(times.percentile(99)),
                    count(times.max()), result.verdict()));
        }
        md.table(List.of("plateau", "target/s", "achieved/s", "requests", "failed", "p50", "p95", "p99", "max",
                "verdict"), rows);
        md.line(plateaus.highestHeld()
                .map(best -> "**Highest rate held: " + decimal(best.level().targetRate(), 0)
                        + " req/s** (plateau " + best.level().number() + ", achieved "
                        + decimal(best.achievedRate(), 0) + "/s, p99 " + millis(best.times().percentile(99))
                        + ", 0 failures), with every lower plateau held too.")
                .orElse("**No plateau held**: the first already missed a limit (see its verdict)."));
    }

    private void realtime(RealtimeMetrics metrics) {
        LatencyHistogram latency = metrics.latency();
        md.heading(2, "Realtime delivery");
        md.line(count(metrics.subscribers()) + " SSE subscribers on `quotes`. Delivery latency = time the event "
                + "was checked at the subscriber − the quote's `timestamp` (when the feed produced it): ingest, "
                + "Kafka, Streams, the API's read model and the push, all on this machine's clock.");
        md.table(List.of("events measured", "mean", "p50", "p95", "p99", "max", "unreadable timestamps"),
                List.of(List.of(count(latency.count()), decimal(latency.mean(), 1) + " ms",
                        millis(latency.percentile(50)), millis(latency.percentile(95)),
                        millis(latency.percentile(99)), millis(metrics.maxMillis()),
                        count(metrics.unreadable()))));
    }

    private void resources() {
        md.heading(2, "CPU and memory");
        Optional<ResourceSamples> found = summary.samples().filter(samples -> samples.size() > 1);
        if (found.isEmpty()) {
            md.line("Not sampled: `bin/load-test` samples the processes; an in-process run does not.");
            return;
        }
        ResourceSamples samples = found.orElseThrow();
        md.line(count(samples.size()) + " samples during the run, from /proc. CPU in % of one core (100 % = one "
                + "core busy); share = the process's part of all " + machine.cores() + " cores' time.");
        List<List<String>> rows = new ArrayList<>();
        for (ResourceSamples.Process process : ResourceSamples.Process.values()) {
            ResourceSamples.Figures cpu = samples.cpuPercent(process);
            ResourceSamples.Figures rss = samples.rssMebibytes(process);
            String pid = samples.header(process.name().toLowerCase(java.util.Locale.ROOT) + "_pid").orElse(NONE);
            rows.add(List.of(process.description(), pid,
                    cpu.isEmpty() ? NONE : decimal(cpu.mean(), 0) + " / " + decimal(cpu.max(), 0),
                    samples.shareOfMachine(process).map(share -> decimal(share, 1) + " %").orElse(NONE),
                    rss.isEmpty() ? NONE : decimal(rss.first(), 0) + " / " + decimal(rss.mean(), 0) + " / "
                            + decimal(rss.max(), 0) + " / " + decimal(rss.last(), 0)));
        }
        md.table(List.of("process", "pid", "CPU % mean / max", "share of machine", "RSS MiB first / mean / max / last"),
                rows);
        ResourceSamples.Figures busy = samples.machineBusyPercent();
        md.line("Machine busy: " + decimal(busy.mean(), 0) + " % mean, " + decimal(busy.max(), 0) + " % max of all "
                + "cores (including everything else running).");
    }
}
