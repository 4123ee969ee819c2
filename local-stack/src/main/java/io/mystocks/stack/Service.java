package io.mystocks.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The four services the launcher runs, each a Spring Boot executable jar built by its module. */
enum Service {
    // G1 services start with their whole heap: left to size it, G1 kept each heap small (130-220 MB
    // committed) with the old generation 90 % full, and ran a concurrent marking cycle for almost every
    // young collection (the worker: 144 for 203), on the two cores the stack shares. The worker (about 100 MB
    // live: closed bars, price series) also promotes results that wait for Kafka and Redis; at 512m it still
    // ran a concurrent cycle for two young collections of three under the job benchmark.
    INGEST("ingest-service", "384m", List.of("-Xms384m")),
    INDICATORS("indicator-streams", "768m", List.of("-Xms768m")),
    WORKER("strategy-worker", "768m", List.of("-Xms768m")),
    // The API's read model holds 1,000 bars per symbol and interval plus the indicator state of the series
    // read; at 768m G1 ran a concurrent cycle every few seconds under load (16 % of the API's CPU), at 1536m
    // it barely collects beyond the young generation. ZGC: with G1 its young pauses averaged 58 ms (300 in a
    // few minutes of load), which became the API's p99; ZGC pauses for well under a millisecond.
    API("api-service", "1536m", List.of("-XX:+UseZGC"));

    private final String module;
    private final String maxHeap;
    private final List<String> jvmOptions;

    Service(String module, String maxHeap, List<String> jvmOptions) {
        this.module = module;
        this.maxHeap = maxHeap;
        this.jvmOptions = jvmOptions;
    }

    static List<String> modules() {
        return Arrays.stream(values()).map(Service::module).toList();
    }

    /** The module name, which also names the service's log, data folder and unpacked jar. */
    String module() {
        return module;
    }

    /** Heap ceiling; the Streams instance and the API hold state in memory, ingest holds little. */
    String maxHeap() {
        return maxHeap;
    }

    /** Options of this service's JVM beyond the heap ceiling. */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    Path jar(Path jarsDir) {
        return jarsDir.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }

    /** The key of this service's port in {@code stack.properties}. */
    String portKey() {
        return module + ".port";
    }
}
