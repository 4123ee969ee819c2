package io.mystocks.load.report;

import io.mystocks.load.SaturationPlan;
import io.mystocks.load.Scenario;
import io.mystocks.load.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The summary of one Gatling run, written as {@code summary.md} beside Gatling's HTML report: totals and
 * per-endpoint figures taken exactly from {@code simulation.log}, the seed's figures beside them, the
 * saturation plateaus or the realtime delivery latency, and the CPU and memory of the processes involved.
 *
 * <p>Command line: {@code Summary --run-dir DIR --scenario seed|saturation|realtime [--samples FILE]
 * [--metrics FILE] [--commit TEXT]}; the saturation plan is read from the same {@code -D} settings the run
 * had.
 */
public final class Summary {
    public static final String FILE_NAME = "summary.md";
    private static final String LOG_FILE = "simulation.log";

    private final Path runDir;
    private final Scenario scenario;
    private final SimulationLog.Run run;
    private final RunStats stats;
    private final Optional<Plateaus> plateaus;
    private final Optional<RealtimeMetrics> realtime;
    private final Optional<ResourceSamples> samples;
    private final String commit;

    private Summary(Path runDir, Scenario scenario, SimulationLog.Run run, RunStats stats, Optional<Plateaus> plateaus,
                    Optional<RealtimeMetrics> realtime, Optional<ResourceSamples> samples, String commit) {
        this.runDir = runDir;
        this.scenario = scenario;
        this.run = run;
        this.stats = stats;
        this.plateaus = plateaus;
        this.realtime = realtime;
        this.samples = samples;
        this.commit = commit;
    }

    /**
     * Reads a finished run.
     *
     * @param runDir   Gatling's run directory, holding {@code simulation.log}
     * @param samples  the resource samples of {@code bin/load-test}, if taken
     * @param metrics  the realtime simulation's measurements, if any
     */
    public static Summary read(Path runDir, Scenario scenario, Settings settings, Optional<Path> samples,
                               Optional<Path> metrics, String commit) throws IOException {
        RunStats stats = new RunStats();
        Optional<Plateaus> plateaus = scenario == Scenario.SATURATION
                ? Optional.of(new Plateaus(SaturationPlan.from(settings.forScenario(scenario)))) : Optional.empty();
        SimulationLog.Run run = SimulationLog.read(runDir.resolve(LOG_FILE), new SimulationLog.Listener() {
            @Override
            public void userStarted(int time) {
                stats.userStarted(time);
                plateaus.ifPresent(p -> p.userStarted(time));
            }

            @Override
            public void request(SimulationLog.Request request) {
                stats.request(request);
                plateaus.ifPresent(p -> p.request(request));
            }
        });
        Optional<RealtimeMetrics> realtime = metrics.filter(Files::isRegularFile).isPresent()
                ? Optional.of(RealtimeMetrics.read(metrics.orElseThrow())) : Optional.empty();
        Optional<ResourceSamples> window = samples.filter(Files::isRegularFile).isPresent()
                ? Optional.of(ResourceSamples.read(samples.orElseThrow())
                        .between(run.startMillis() + recordedFrom(stats), run.startMillis() + run.lastEventMillis()))
                : Optional.empty();
        return new Summary(runDir, scenario, run, stats, plateaus, realtime, window, commit);
    }

    /** Where the recorded run begins: after a warm-up phase, at the first recorded request. */
    private static int recordedFrom(RunStats stats) {
        return stats.warmUpRequests() > 0 ? stats.firstStartMillis() : 0;
    }

    public RunStats stats() {
        return stats;
    }

    public Optional<Plateaus> plateaus() {
        return plateaus;
    }

    public Optional<RealtimeMetrics> realtime() {
        return realtime;
    }

    /** Writes {@code summary.md} into the run directory and returns its path. */
    public Path write() throws IOException {
        Path file = runDir.resolve(FILE_NAME);
        Files.writeString(file, markdown(Machine.current()), StandardCharsets.UTF_8);
        return file;
    }

    String markdown(Machine machine) {
        Markdown md = new Markdown();
        new SummarySections(md, this, machine).all();
        return md.toString();
    }

    Path runDir() {
        return runDir;
    }

    Scenario scenario() {
        return scenario;
    }

    SimulationLog.Run run() {
        return run;
    }

    Optional<ResourceSamples> samples() {
        return samples;
    }

    String commit() {
        return commit;
    }

    public static void main(String[] args) throws IOException {
        Arguments arguments = Arguments.parse(args);
        Summary summary = read(arguments.runDir, arguments.scenario, Settings.current(), arguments.samples,
                arguments.metrics, arguments.commit);
        if (arguments.metrics.filter(Files::isRegularFile).isPresent()) {
            Files.copy(arguments.metrics.orElseThrow(), arguments.runDir.resolve("delivery-latency.properties"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println(summary.write());
    }

    private record Arguments(Path runDir, Scenario scenario, Optional<Path> samples, Optional<Path> metrics,
                             String commit) {
        static Arguments parse(String[] args) {
            Path runDir = null;
            Scenario scenario = null;
            Path samples = null;
            Path metrics = null;
            String commit = "unknown";
            List<String> list = new ArrayList<>(List.of(args));
            while (!list.isEmpty()) {
                String option = list.removeFirst();
                if (list.isEmpty()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = list.removeFirst();
                switch (option) {
                    case "--run-dir" -> runDir = Path.of(value);
                    case "--scenario" -> scenario = Scenario.of(value);
                    case "--samples" -> samples = Path.of(value);
                    case "--metrics" -> metrics = Path.of(value);
                    case "--commit" -> commit = value;
                    default -> throw new IllegalArgumentException("unknown option " + option + "; expected "
                            + "--run-dir DIR --scenario NAME [--samples FILE] [--metrics FILE] [--commit TEXT]");
                }
            }
            if (runDir == null || scenario == null) {
                throw new IllegalArgumentException("--run-dir and --scenario are required");
            }
            return new Arguments(runDir, scenario, Optional.ofNullable(samples), Optional.ofNullable(metrics),
                    commit);
        }
    }
}
