package io.mystocks.bench.stream;

import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.Topics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends quotes at a steady rate with an idempotent producer: one quote for every symbol in turn, each
 * stamped with the moment it is sent, so that the probe can tell how long it took to show. Prices walk in
 * small steps; the pace is kept by the count due at each moment, so a stall is caught up afterwards
 * (the achieved rate says whether it could be).
 */
final class QuoteGenerator implements Runnable {
    static final String CLIENT_ID = "quote-generator";
    static final int FIRST_SYMBOL = 600_000;

    private static final JsonSerde<Quote> QUOTES = JsonSerde.of(Quote.class);
    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final String bootstrapServers;
    private final int rate;
    private final int symbols;
    private final SendLog log;
    private final String[] names;
    private final long[] cents;
    private final SplittableRandom random = new SplittableRandom(7);
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopped;

    QuoteGenerator(String bootstrapServers, int rate, int symbols, SendLog log) {
        this.bootstrapServers = bootstrapServers;
        this.rate = rate;
        this.symbols = symbols;
        this.log = log;
        this.names = new String[symbols];
        this.cents = new long[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = Integer.toString(FIRST_SYMBOL + i);
            cents[i] = 1_000 + random.nextInt(9_000);
        }
    }

    static String symbol(int index) {
        return Integer.toString(FIRST_SYMBOL + index);
    }

    long sent() {
        return sent.get();
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            long count = 0;
            while (!stopped) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                if (count >= due) {
                    LockSupport.parkNanos(PARK_NANOS);
                    continue;
                }
                while (count < due && !stopped) {
                    send(producer, (int) (count % symbols));
                    count++;
                }
                sent.set(count);
            }
            producer.flush();
            sent.set(count);
            producer.close(Duration.ofSeconds(10));
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, int symbol) {
        long step = random.nextInt(5) - 2;
        cents[symbol] = Math.max(100, cents[symbol] + step);
        BigDecimal price = BigDecimal.valueOf(cents[symbol], 2);
        long volume = 100L * (1 + random.nextInt(10));
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        Instant timestamp = Instant.ofEpochSecond(0, micros * 1_000);
        Quote quote = new Quote(names[symbol], timestamp, price, volume,
                price.multiply(BigDecimal.valueOf(volume)).setScale(2, RoundingMode.UNNECESSARY), "benchmark");
        if (log.sampled(symbol)) {
            log.record(symbol, micros);
        }
        producer.send(new ProducerRecord<>(Topics.QUOTES.name(), names[symbol],
                QUOTES.serialize(Topics.QUOTES.name(), quote)));
    }
}
