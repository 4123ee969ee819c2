package io.mystocks.load.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the realtime simulation measures beside Gatling's own records: the delivery latency of every quote
 * event it checked. Written as a properties file when the simulation ends, read by the summary.
 *
 * @param subscribers SSE connections the simulation opened
 * @param latency     delivery latency in ms, one count per event
 * @param maxMillis   the largest latency, exact even beyond the histogram's range
 * @param unreadable  events whose timestamp could not be parsed
 */
public record RealtimeMetrics(int subscribers, LatencyHistogram latency, long maxMillis, long unreadable) {
    private static final String SUBSCRIBERS = "subscribers";
    private static final String EVENTS = "events";
    private static final String MAX = "latency.max.ms";
    private static final String UNREADABLE = "unreadable";
    private static final String HISTOGRAM = "latency.histogram.ms";

    public void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(SUBSCRIBERS, Integer.toString(subscribers));
        properties.setProperty(EVENTS, Long.toString(latency.count()));
        properties.setProperty(MAX, Long.toString(maxMillis));
        properties.setProperty(UNREADABLE, Long.toString(unreadable));
        properties.setProperty(HISTOGRAM, latency.encode());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "delivery latency of SSE quote events: receive time - quote timestamp");
        }
    }

    public static RealtimeMetrics read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        LatencyHistogram latency = LatencyHistogram.decode(properties.getProperty(HISTOGRAM, ""));
        return new RealtimeMetrics(Integer.parseInt(properties.getProperty(SUBSCRIBERS, "0")), latency,
                Long.parseLong(properties.getProperty(MAX, Long.toString(latency.max()))),
                Long.parseLong(properties.getProperty(UNREADABLE, "0")));
    }
}
