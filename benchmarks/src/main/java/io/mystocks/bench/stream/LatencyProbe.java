package io.mystocks.bench.stream;

import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code market.quotes.latest} as a read-committed consumer and measures, for every quote of the
 * sampled symbols, the time from its send to the first latest quote that reflects it. A latest quote counts
 * the quotes of its trading day ({@code trades}), so the quotes it reflects for the first time are exactly
 * those numbered after the count the previous one showed; each gets the time this probe read it.
 */
final class LatencyProbe implements Runnable {
    private static final JsonSerde<LatestQuote> LATEST = JsonSerde.of(LatestQuote.class);

    private final String bootstrapServers;
    private final SendLog log;
    private final int[] reflected;
    private final LocalDate[] tradingDays;
    private final long[] latencies;
    private volatile long windowStartMicros = Long.MAX_VALUE;
    private volatile long windowEndMicros = Long.MAX_VALUE;
    private volatile boolean stopped;
    private int samples;
    private long dayChanges;
    private long overflow;
    private long recordsRead;

    LatencyProbe(String bootstrapServers, SendLog log, int symbols, int maxSamples) {
        this.bootstrapServers = bootstrapServers;
        this.log = log;
        this.reflected = new int[symbols];
        this.tradingDays = new LocalDate[symbols];
        this.latencies = new long[maxSamples];
    }

    /** Quotes sent from {@code start} to {@code end} are measured. */
    void window(Instant start, Instant end) {
        windowStartMicros = micros(start);
        windowEndMicros = micros(end);
    }

    void stop() {
        stopped = true;
    }

    /** How many logged quotes of the sampled symbols no latest quote reflects yet; after the generator ended. */
    synchronized long unreflected() {
        long missing = 0;
        for (int symbol = 0; symbol < reflected.length; symbol++) {
            if (log.sampled(symbol)) {
                missing += Math.max(0, log.logged(symbol) - reflected[symbol]);
            }
        }
        return missing;
    }

    /** Latencies in microseconds of the quotes sent in the window, sorted; call after the probe stopped. */
    synchronized long[] sortedLatencies() {
        long[] sorted = Arrays.copyOf(latencies, samples);
        Arrays.sort(sorted);
        return sorted;
    }

    synchronized long recordsRead() {
        return recordsRead;
    }

    synchronized long dayChanges() {
        return dayChanges;
    }

    /** Samples beyond the probe's capacity, left out of the percentiles. */
    synchronized long overflow() {
        return overflow;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "latency-probe",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.QUOTES_LATEST.partitions())
                    .mapToObj(partition -> new TopicPartition(Topics.QUOTES_LATEST.name(), partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stopped) {
                var records = consumer.poll(Duration.ofMillis(50));
                long now = micros(Instant.now());
                synchronized (this) {
                    records.forEach(record -> take(record, now));
                }
            }
        }
    }

    private void take(ConsumerRecord<String, byte[]> record, long receivedMicros) {
        recordsRead++;
        int symbol = Integer.parseInt(record.key()) - QuoteGenerator.FIRST_SYMBOL;
        if (!log.sampled(symbol)) {
            return;
        }
        LatestQuote latest = LATEST.deserialize(record.topic(), record.value());
        if (tradingDays[symbol] != null && !tradingDays[symbol].equals(latest.tradingDay())) {
            // The market's day rolled over during the run: the count restarted, and this symbol is left out.
            dayChanges++;
            reflected[symbol] = Integer.MAX_VALUE;
            return;
        }
        tradingDays[symbol] = latest.tradingDay();
        int trades = (int) Math.min(latest.trades(), log.capacity(symbol));
        for (int index = reflected[symbol]; index < trades; index++) {
            long sentAt = log.sendMicros(symbol, index);
            if (sentAt >= windowStartMicros && sentAt <= windowEndMicros) {
                if (samples < latencies.length) {
                    latencies[samples++] = receivedMicros - sentAt;
                } else {
                    overflow++;
                }
            }
        }
        reflected[symbol] = Math.max(reflected[symbol], trades);
    }

    private static long micros(Instant time) {
        return time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
    }
}
