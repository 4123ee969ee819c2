package io.mystocks.bench.stream;

import io.mystocks.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/** The Kafka Streams client's own figures that explain where its thread spends its time. */
final class StreamsMetrics {
    private static final Set<String> THREAD = Set.of("process-rate", "process-latency-avg", "poll-ratio",
            "process-ratio", "punctuate-ratio", "commit-ratio", "commit-rate", "commit-latency-avg",
            "commit-latency-max", "punctuate-rate", "punctuate-latency-avg", "punctuate-latency-max");
    private static final Set<String> PRODUCER = Set.of("record-send-rate", "record-retry-total",
            "record-error-total", "txn-commit-time-ns-total", "txn-send-offsets-time-ns-total",
            "flush-time-ns-total");

    private StreamsMetrics() {
    }

    /**
     * Thread metrics ({@code stream-thread-metrics}), the Streams producers' totals ({@code producer.*}) and
     * records produced to the indicators and latest-quote topics ({@code produced.*}), summed over threads.
     */
    static Map<String, Double> snapshot(KafkaStreams streams) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            MetricName name = entry.getKey();
            if (!(entry.getValue().metricValue() instanceof Double value) || value.isNaN()) {
                continue;
            }
            if (name.group().equals("stream-thread-metrics") && THREAD.contains(name.name())) {
                values.merge(name.name(), value, Double::sum);
            } else if (name.group().equals("producer-metrics") && PRODUCER.contains(name.name())) {
                values.merge("producer." + name.name(), value, Double::sum);
            } else if (name.group().equals("stream-topic-metrics") && name.name().equals("records-produced-total")) {
                String topic = name.tags().get("topic");
                if (Topics.INDICATORS.name().equals(topic) || Topics.QUOTES_LATEST.name().equals(topic)) {
                    values.merge("produced." + topic + "-total", value, Double::sum);
                }
            }
        }
        return values;
    }

    /** The metrics at {@code end}, with every total turned into a rate per second since {@code start}. */
    static Map<String, Double> since(Map<String, Double> start, Map<String, Double> end, double seconds) {
        Map<String, Double> values = new LinkedHashMap<>();
        end.forEach((name, value) -> {
            if (name.endsWith("-total")) {
                double delta = value - start.getOrDefault(name, 0.0);
                values.put(name.substring(0, name.length() - "-total".length()) + " per s", delta / seconds);
            } else {
                values.put(name, value);
            }
        });
        return values;
    }
}
