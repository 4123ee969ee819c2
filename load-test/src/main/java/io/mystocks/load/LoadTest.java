package io.mystocks.load;

import io.mystocks.load.report.Summary;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a scenario against an API that is already up, for tests that have a stack running:
 * {@code LoadTest.smoke(Scenario.SEED, URI.create("http://127.0.0.1:18080"), dir)} plays the seed mix at a
 * tiny rate for a few seconds and returns its figures; {@link #run} takes any settings.
 *
 * <p>Gatling runs in a child JVM on this JVM's classpath, started with the JVM options Gatling's Maven plugin
 * uses: its log writer needs {@code java.lang} opened to it, a flag the caller's JVM need not have, and the
 * settings reach the simulation as system properties without touching the caller's.
 * Gatling writes its report under {@code resultsDir}; the summary goes beside it, and the child's output to
 * {@code <scenario>-gatling.log} in {@code resultsDir}.
 */
public final class LoadTest {
    private static final String GATLING_MAIN = "io.gatling.app.Gatling";
    /** Longer than any smoke run and the default full runs; a run past it is killed. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);

    private LoadTest() {
    }

    /** The scenario at its smoke settings: a tiny rate for a few seconds. */
    public static Result smoke(Scenario scenario, URI baseUrl, Path resultsDir) {
        return run(scenario, baseUrl, Map.of(Settings.SMOKE, "true"), resultsDir);
    }

    /**
     * Runs the scenario with the given settings (names as for {@code -D}, e.g. {@code users}); unset ones keep
     * their defaults, so pass small values or {@code smoke=true}: the defaults are the full load.
     */
    public static Result run(Scenario scenario, URI baseUrl, Map<String, String> settings, Path resultsDir) {
        Map<String, String> effective = new HashMap<>(settings);
        effective.put(Settings.BASE_URL, baseUrl.toString());
        try {
            Files.createDirectories(resultsDir);
            Path metrics = resultsDir.resolve(scenario.id() + "-" + System.nanoTime() + ".properties");
            effective.put(Settings.METRICS_FILE, metrics.toString());
            long started = System.currentTimeMillis();
            int exitCode = gatling(scenario, effective, describe(scenario, settings), resultsDir);
            Path runDir = latestRun(resultsDir, scenario, started);
            Optional<Path> realtime = Optional.of(metrics).filter(Files::isRegularFile);
            Summary summary = Summary.read(runDir, scenario, Settings.of(effective), Optional.empty(), realtime,
                    "not recorded (in-process run)");
            summary.write();
            if (realtime.isPresent()) {
                Files.move(metrics, runDir.resolve("delivery-latency.properties"));
            }
            return new Result(exitCode, runDir, summary);
        } catch (IOException e) {
            throw new UncheckedIOException("load run of " + scenario.id() + " under " + resultsDir + " failed", e);
        }
    }

    private static int gatling(Scenario scenario, Map<String, String> settings, String description,
                               Path resultsDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1G",
                "-XX:+HeapDumpOnOutOfMemoryError", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GATLING_MAIN,
                "-s", scenario.simulationClass(),
                "-rf", resultsDir.toAbsolutePath().toString(),
                "-rd", description,
                "-l", LoadTest.class.getName()));
        Path output = resultsDir.resolve(scenario.id() + "-gatling.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("Gatling did not finish " + scenario.id() + " within " + RUN_TIMEOUT
                        + "; its output is in " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Gatling ran " + scenario.id(), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("Gatling exited with " + process.exitValue() + " running " + scenario.id()
                    + "; the end of its output:\n" + tail(output));
        }
        return process.exitValue();
    }

    /** The scenario and the settings given, as Gatling's run description and the summary show them. */
    static String describe(Scenario scenario, Map<String, String> settings) {
        return Stream.concat(Stream.of(scenario.id()), new TreeMap<>(settings).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static Path latestRun(Path resultsDir, Scenario scenario, long startedMillis) throws IOException {
        String simulation = scenario.simulationClass();
        String prefix = simulation.substring(simulation.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) + "-";
        try (Stream<Path> children = Files.list(resultsDir)) {
            return children.filter(dir -> dir.getFileName().toString().startsWith(prefix))
                    .filter(dir -> Files.isRegularFile(dir.resolve("simulation.log")))
                    .filter(dir -> dir.toFile().lastModified() >= startedMillis - 1_000)
                    .max(Comparator.comparing(dir -> dir.getFileName().toString()))
                    .orElseThrow(() -> new IOException("Gatling wrote no run of " + scenario.id() + " in "
                            + resultsDir));
        }
    }

    /**
     * A finished run.
     *
     * @param exitCode     Gatling's status: 0 when the run completed
     * @param runDirectory Gatling's report directory, with {@code summary.md}
     */
    public record Result(int exitCode, Path runDirectory, Summary summary) {
        public long requests() {
            return summary.stats().total().count();
        }

        public long failures() {
            return summary.stats().total().failures();
        }

        /** Completed, with requests, and none failed. */
        public boolean passed() {
            return exitCode == 0 && requests() > 0 && failures() == 0;
        }
    }
}
