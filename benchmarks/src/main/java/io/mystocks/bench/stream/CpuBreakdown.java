package io.mystocks.bench.stream;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this process by thread group between two snapshots: the Streams thread, the producers'
 * network threads, the load generator, the probe, the in-process broker, and what no Java thread accounts
 * for (garbage collection, the JIT compiler).
 */
final class CpuBreakdown {
    static final String STREAM_THREAD = "Streams thread (poll, process, punctuate, commit)";
    static final String STREAM_IO = "Streams producer I/O thread";
    static final String GENERATOR = "load generator (JSON, send)";
    static final String GENERATOR_IO = "load generator producer I/O thread";
    static final String PROBE = "latency probe (consumer, JSON)";
    static final String BROKER = "broker and other Java threads";
    static final String NATIVE = "GC, JIT and other native threads";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> startByThread = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private long processStart;
    private long wallStart;

    void start() {
        processStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                startByThread.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
    }

    /** Cores used by each group since {@link #start()}, in a stable order. */
    Map<String, Double> coresSinceStart() {
        long wall = System.nanoTime() - wallStart;
        long process = os.getProcessCpuTime() - processStart;
        Map<String, Double> cores = new LinkedHashMap<>();
        for (String group : new String[] {STREAM_THREAD, STREAM_IO, GENERATOR, GENERATOR_IO, PROBE, BROKER}) {
            cores.put(group, 0.0);
        }
        long accounted = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = threads.getThreadCpuTime(info.getThreadId())
                    - startByThread.getOrDefault(info.getThreadId(), 0L);
            if (used > 0) {
                accounted += used;
                cores.merge(group(info.getThreadName()), (double) used / wall, Double::sum);
            }
        }
        cores.put(NATIVE, Math.max(0, (double) (process - accounted) / wall));
        cores.put("total", (double) process / wall);
        return cores;
    }

    private static String group(String name) {
        if (name.startsWith("kafka-producer-network-thread")) {
            return name.contains(QuoteGenerator.CLIENT_ID) ? GENERATOR_IO : STREAM_IO;
        }
        if (name.contains("StreamThread")) {
            return STREAM_THREAD;
        }
        if (name.equals(QuotePipelineBenchmark.GENERATOR_THREAD)) {
            return GENERATOR;
        }
        if (name.equals(QuotePipelineBenchmark.PROBE_THREAD)) {
            return PROBE;
        }
        return BROKER;
    }
}
