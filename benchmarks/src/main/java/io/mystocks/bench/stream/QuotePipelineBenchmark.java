package io.mystocks.bench.stream;

import io.mystocks.contracts.Topics;
import io.mystocks.indicators.StreamsSettings;
import io.mystocks.indicators.topology.DeadLetterPublisher;
import io.mystocks.indicators.topology.MarketTopology;
import io.mystocks.stack.EmbeddedKafkaBroker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The whole quote pipeline under a steady load, on this machine: an in-process broker, the real
 * indicator-streams topology with exactly-once, a load generator and a read-committed probe, all in this
 * JVM. Not a test: it prints what it measured.
 *
 * <ul>
 *   <li>throughput: quotes the Streams application consumed per second, from its committed offsets;</li>
 *   <li>latency: from a quote's send to the first committed latest quote that reflects it (indicator
 *       snapshots of the symbol go out in the same tick and the same transaction);</li>
 *   <li>where the CPU went, by thread group, and the Streams thread's own metrics.</li>
 * </ul>
 *
 * <p>Run with {@code --rate=50000 --symbols=5000 --warmup=15s --duration=60s}; every option has that
 * default ({@link BenchmarkOptions#USAGE}).
 */
public final class QuotePipelineBenchmark {
    static final String GENERATOR_THREAD = "quote-generator";
    static final String PROBE_THREAD = "latency-probe";

    private static final String APPLICATION_ID = "quote-pipeline-benchmark";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_SAMPLES = 20_000_000;

    private QuotePipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(options).print(System.out);
        System.exit(0);
    }

    static BenchmarkReport run(BenchmarkOptions options) throws Exception {
        Path stateDir = Files.createTempDirectory("quote-pipeline-state-");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
        try (Admin admin = broker.admin()) {
            broker.createTopics(Topics.all());
            AtomicLong deadLetters = new AtomicLong();
            DeadLetterPublisher publisher = (key, letter) -> deadLetters.incrementAndGet();
            StreamsSettings settings = new StreamsSettings(broker.bootstrapServers(), APPLICATION_ID, stateDir,
                    options.streamThreads(), options.commitInterval(), null, options.emitInterval(),
                    options.emitBudget(), null, null, options.seriesCache(), null, null, null, null, null, null);
            KafkaStreams streams = new KafkaStreams(MarketTopology.build(settings, Clock.systemUTC()),
                    MarketTopology.streamsProperties(settings, publisher, Clock.systemUTC()));
            try {
                streams.start();
                await(() -> streams.state() == KafkaStreams.State.RUNNING, START_TIMEOUT, "Streams to run");
                return measure(options, broker.bootstrapServers(), admin, streams);
            } finally {
                streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(30)).leaveGroup(true));
            }
        } finally {
            broker.close();
            deleteRecursively(broker.logDir());
            deleteRecursively(stateDir);
        }
    }

    private static BenchmarkReport measure(BenchmarkOptions options, String bootstrapServers, Admin admin,
                                           KafkaStreams streams) throws Exception {
        long seconds = options.warmup().plus(options.duration()).toSeconds() + 10;
        int perSymbol = (int) Math.min(Integer.MAX_VALUE - 16,
                (long) Math.ceil((double) options.rate() / options.symbols() * seconds * 1.2) + 16);
        SendLog log = new SendLog(options.symbols(), options.sampleEvery(), perSymbol);
        QuoteGenerator generator = new QuoteGenerator(bootstrapServers, options.rate(), options.symbols(), log);
        LatencyProbe probe = new LatencyProbe(bootstrapServers, log, options.symbols(), MAX_SAMPLES);
        Thread probeThread = Thread.ofPlatform().name(PROBE_THREAD).start(probe);
        Thread generatorThread = Thread.ofPlatform().name(GENERATOR_THREAD).start(generator);

        pause(options.warmup());
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        CpuBreakdown cpu = new CpuBreakdown();
        cpu.start();
        Instant start = Instant.now();
        probe.window(start, start.plus(options.duration()));
        long sentAtStart = generator.sent();
        long consumedAtStart = committed(admin);
        Map<String, Double> metricsAtStart = StreamsMetrics.snapshot(streams);
        pause(options.duration());
        long sentAtEnd = generator.sent();
        long consumedAtEnd = committed(admin);
        Map<String, Double> cores = cpu.coresSinceStart();
        double loadAtEnd = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double window = Duration.between(start, Instant.now()).toNanos() / 1e9;
        Map<String, Double> metrics = StreamsMetrics.since(metricsAtStart, StreamsMetrics.snapshot(streams), window);
        long lag = endOffsets(admin) - consumedAtEnd;

        generator.stop();
        generatorThread.join();
        Instant drainStart = Instant.now();
        await(() -> probe.unreflected() == 0, options.drain(), null);
        Duration drained = Duration.between(drainStart, Instant.now());
        long unreflected = probe.unreflected();
        probe.stop();
        probeThread.join();

        return new BenchmarkReport(options, (sentAtEnd - sentAtStart) / window,
                (consumedAtEnd - consumedAtStart) / window, lag, probe.sortedLatencies(), unreflected, drained,
                probe.dayChanges() + probe.overflow(), cores, metrics, loadAtStart, loadAtEnd);
    }

    /** The offsets of {@code market.quotes} the Streams application committed, summed over partitions. */
    private static long committed(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(APPLICATION_ID)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(entry -> entry.getKey().topic().equals(Topics.QUOTES.name()))
                .filter(entry -> entry.getValue() != null).mapToLong(entry -> entry.getValue().offset()).sum();
    }

    private static long endOffsets(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, Topics.QUOTES.partitions()).boxed()
                .collect(java.util.stream.Collectors.toMap(
                        partition -> new TopicPartition(Topics.QUOTES.name(), partition),
                        partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    private static void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    /** Waits for the condition; a {@code what} names what a timeout means, null when a timeout is fine. */
    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                if (what == null) {
                    return;
                }
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static List<String> machine() {
        Runtime runtime = Runtime.getRuntime();
        return List.of(runtime.availableProcessors() + " cores",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                "JDK " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")",
                "max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB");
    }
}
