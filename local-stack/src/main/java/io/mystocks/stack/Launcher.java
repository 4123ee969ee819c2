package io.mystocks.stack;

import io.mystocks.contracts.ParentWatch;
import io.mystocks.contracts.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code up} command: Kafka and Redis, then the four services as child processes, then a wait until
 * every one reports healthy.
 *
 * <p>Design note: the broker runs inside this JVM; Redis and the services run in sessions of their own,
 * so that a terminal's Ctrl-C reaches only this JVM, whose shutdown hook stops them in dependency order:
 * services first (SIGTERM, then SIGKILL after a grace period), then Redis, then the broker. If this JVM
 * is killed outright, the services exit by themselves (they watch {@code MYSTOCKS_PARENT_PID}) and the
 * next start of the same data directory stops the Redis left behind, found through its pid file.
 */
final class Launcher {
    static final List<String> JDK_FLAGS =
            List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

    private static final Logger log = LoggerFactory.getLogger(Launcher.class);
    /** Four Spring services starting at once on two busy cores can need well over a minute. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 20;
    private static final String REDIS = "redis";

    private final Command.Up settings;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final Instant jvmStarted;
    private final ProcessSupervisor supervisor;
    private final HealthProbe probe = HealthProbe.create();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lifecycle = new Object();

    private boolean stopping;
    private volatile boolean ready;
    private volatile DataDir dataDir;
    private EmbeddedKafkaBroker broker;
    private EmbeddedRedisServer redis;

    Launcher(Command.Up settings, Clock clock, PrintStream out, PrintStream err, Instant jvmStarted) {
        this.settings = settings;
        this.clock = clock;
        this.out = out;
        this.err = err;
        this.jvmStarted = jvmStarted;
        this.supervisor = new ProcessSupervisor(clock, this::childDied);
    }

    /** Starts the stack and blocks until a shutdown stops it; returns early with 1 when start-up fails. */
    int run() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "mystocks-stop"));
        try {
            StackPlan plan = prepare();
            startInfrastructure(plan);
            startServices(plan);
            awaitHealthy(plan);
            ready = true;
            announce(plan, Duration.between(jvmStarted, clock.instant()));
        } catch (ServiceFailure e) {
            Path serviceLog = dataDir.log(e.service().module());
            err.println("mystocks: " + e.getMessage());
            err.println("Last " + LOG_TAIL_LINES + " lines of " + serviceLog + ":");
            err.println(LogTail.indented(serviceLog, LOG_TAIL_LINES));
            stop();
            return 1;
        } catch (LaunchException e) {
            err.println("mystocks: " + e.getMessage());
            stop();
            return 1;
        } catch (RuntimeException e) {
            log.error("Start-up failed", e);
            stop();
            return 1;
        }
        stopped.await();
        return 0;
    }

    /** Stops everything that was started, in dependency order; safe to call more than once. */
    void stop() {
        EmbeddedRedisServer startedRedis;
        EmbeddedKafkaBroker startedBroker;
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            stopping = true;
            startedRedis = redis;
            startedBroker = broker;
        }
        if (startedBroker != null) {
            log.info("Stopping MyStocks Streams");
        }
        ProcessSupervisor.StopReport report = supervisor.stopAll(STOP_GRACE);
        if (report.stopped() > 0) {
            log.info("Stopped {} services in {} s{}", report.stopped(), seconds(report.took()),
                    report.killed().isEmpty() ? "" : "; killed after " + STOP_GRACE.toSeconds() + " s: "
                            + report.killed());
            Service.modules().forEach(module -> PidFiles.remove(dataDir.run(), module));
        }
        if (startedRedis != null) {
            quietly("Redis", () -> {
                startedRedis.close();
                PidFiles.remove(dataDir.run(), REDIS);
            });
        }
        if (startedBroker != null) {
            quietly("the Kafka broker", startedBroker::close);
        }
        if (dataDir != null) {
            quietly("the data directory lock", dataDir::close);
        }
        stopped.countDown();
    }

    private StackPlan prepare() {
        dataDir = DataDir.open(settings.dataDir());
        List<String> leftovers = PidFiles.stopLeftovers(dataDir.run(), STOP_GRACE);
        if (!leftovers.isEmpty()) {
            log.info("Stopped processes left running by an earlier launcher: {}", leftovers);
        }
        if (PortCheck.inUse(settings.port())) {
            throw new LaunchException("port " + settings.port() + " is in use; choose another with --port");
        }
        requireJars();
        if (settings.fresh()) {
            dataDir.wipe();
            log.info("Wiped {} (--fresh)", dataDir.root());
        }
        dataDir.createLayout(Service.modules());
        return StackPlan.choose(StackProperties.load(dataDir.properties()), settings.port(), new SecureRandom());
    }

    private void requireJars() {
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(service.jar(settings.jarsDir()))) {
                missing.add(service.jar(settings.jarsDir()).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("missing " + String.join(", ", missing)
                    + "; build them with ./mvnw -q -B -DskipTests package (./mystocks up does it for you)");
        }
    }

    private void startInfrastructure(StackPlan plan) {
        BrokerLog.redirectTo(dataDir.log("kafka"));
        synchronized (lifecycle) {
            requireRunning();
            broker = EmbeddedKafkaBroker.start(dataDir.kafka(), plan.kafkaPort(), plan.controllerPort());
        }
        broker.createTopics(Topics.all());
        synchronized (lifecycle) {
            requireRunning();
            redis = EmbeddedRedisServer.start(plan.redisPort(), dataDir.redis(), dataDir.log(REDIS), true);
            PidFiles.record(dataDir.run(), REDIS, ProcessHandle.of(redis.pid()).orElseThrow(), "redis-server");
        }
    }

    private void startServices(StackPlan plan) {
        Map<Service, Path> jars = runnableJars();
        for (Service service : Service.values()) {
            ProcessSupervisor.Child child = supervisor.start(service.module(), command(service, jars.get(service)),
                    environment(service, plan), dataDir.service(service.module()), dataDir.log(service.module()));
            PidFiles.record(dataDir.run(), service.module(), child.process().toHandle(),
                    service.jar(settings.jarsDir()).getFileName().toString());
        }
        log.info("Started {}; waiting for them to report healthy", Service.modules());
    }

    /**
     * Each service's jar, unpacked where possible: an unpacked Spring Boot jar starts faster than one that
     * reads its classes from nested jars.
     */
    private Map<Service, Path> runnableJars() {
        return Arrays.stream(Service.values()).parallel().collect(Collectors.toMap(service -> service,
                service -> ExtractedJar.of(service.jar(settings.jarsDir()), dataDir.apps().resolve(service.module()))
                        .orElse(service.jar(settings.jarsDir())),
                (first, second) -> first, () -> new EnumMap<>(Service.class)));
    }

    /** The JVM of every service is this launcher's own, with the same flags and a heap ceiling. */
    static List<String> command(Service service, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JDK_FLAGS);
        command.add("-Xmx" + service.maxHeap());
        command.addAll(service.jvmOptions());
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private Map<String, String> environment(Service service, StackPlan plan) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("REDIS_ADDRESS", redis.address());
        environment.put("SERVER_PORT", Integer.toString(plan.port(service)));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("MYSTOCKS_DATA_DIR", dataDir.service(service.module()).toString());
        environment.put(ParentWatch.PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
        if (service == Service.API) {
            environment.put("MYSTOCKS_CSRF_SECRET", plan.csrfSecret());
        }
        if (service == Service.INGEST && settings.rate().isPresent()) {
            environment.put("MYSTOCKS_SIMULATOR_RATE", Integer.toString(settings.rate().getAsInt()));
        }
        return environment;
    }

    private void awaitHealthy(StackPlan plan) throws InterruptedException {
        Map<HealthCheck, Service> pending = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            pending.put(HealthCheck.actuator(service.module(), plan.port(service)), service);
        }
        pending.put(HealthCheck.api(Service.API.module(), plan.port(Service.API)), Service.API);
        Map<Service, ProcessSupervisor.Child> children = childrenByService();
        Instant deadline = clock.instant().plus(STARTUP_TIMEOUT);
        Map<HealthCheck, String> lastAnswers = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            synchronized (lifecycle) {
                requireRunning();
            }
            requireAlive(children);
            for (HealthCheck check : List.copyOf(pending.keySet())) {
                HealthProbe.Answer answer = probe.ask(check);
                lastAnswers.put(check, answer.detail());
                if (answer.healthy()) {
                    pending.remove(check);
                    log.info("{} reports {} at {} after {} s", check.service(), answer.detail(), check.uri().getPath(),
                            seconds(Duration.between(jvmStarted, clock.instant())));
                }
            }
            if (!pending.isEmpty() && clock.instant().isAfter(deadline)) {
                HealthCheck late = pending.keySet().iterator().next();
                throw new ServiceFailure(pending.get(late), "was not healthy within " + STARTUP_TIMEOUT.toSeconds()
                        + " s; " + late.uri() + " last answered: " + lastAnswers.get(late));
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }

    private Map<Service, ProcessSupervisor.Child> childrenByService() {
        Map<Service, ProcessSupervisor.Child> byService = new EnumMap<>(Service.class);
        for (ProcessSupervisor.Child child : supervisor.children()) {
            for (Service service : Service.values()) {
                if (service.module().equals(child.name())) {
                    byService.put(service, child);
                }
            }
        }
        return byService;
    }

    private void requireAlive(Map<Service, ProcessSupervisor.Child> children) {
        children.forEach((service, child) -> {
            if (!child.process().isAlive()) {
                throw new ServiceFailure(service, "exited with code " + child.process().exitValue()
                        + " during start-up");
            }
        });
    }

    private void childDied(ProcessSupervisor.Child child) {
        if (!ready) {
            return;
        }
        log.error("{} exited unexpectedly with code {}; the rest of the stack keeps running without it."
                        + " Restart the stack to bring it back. Last {} lines of {}:{}{}", child.name(),
                child.process().exitValue(), LOG_TAIL_LINES, child.logFile(), System.lineSeparator(),
                LogTail.indented(child.logFile(), LOG_TAIL_LINES));
    }

    private void announce(StackPlan plan, Duration took) {
        String api = "http://127.0.0.1:" + settings.port();
        String summary = """

                MyStocks Streams is ready in %1$s s
                  API           %2$s
                  Health        %2$s/health
                  API docs      %2$s/api/docs
                  Kafka         %3$s
                  Redis         %4$s
                  Logs          %5$s (one per service, kafka.log, redis.log)
                  Data          %6$s

                Try:
                  curl -s %2$s/api/data/realtime/600519
                  curl -s '%2$s/api/data/kline/600519?interval=1d&limit=5'
                  TOKEN=$(curl -s %2$s/api/csrf-token | sed -E 's/.*"csrf_token":"([^"]+)".*/\\1/')
                  curl -s -X POST %2$s/api/strategy/execute -H "X-CSRF-Token: $TOKEN" \\
                       -H 'Content-Type: application/json' -d '{"strategy_id":"value","params":{"top_n":10}}'
                  curl -s %2$s/api/strategy/value/result

                Press Ctrl-C to stop.
                """.formatted(seconds(took), api, broker.bootstrapServers(), redis.address(),
                dataDir.logs(), dataDir.root());
        out.print(summary);
        out.flush();
        recordStartup(took);
    }

    private void recordStartup(Duration took) {
        String line = Instant.now(clock) + " ready in " + seconds(took) + " s (API port " + settings.port() + ")"
                + System.lineSeparator();
        try {
            Files.writeString(dataDir.log("startup"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Cannot record the start-up time in {}", dataDir.log("startup"), e);
        }
    }

    private void requireRunning() {
        if (stopping) {
            throw new LaunchException("start-up interrupted: the stack is stopping");
        }
    }

    private static void quietly(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.error("Could not stop {} cleanly; carrying on with the rest", what, e);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
