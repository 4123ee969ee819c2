package io.mystocks.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.Topics;
import io.mystocks.stack.EmbeddedKafkaBroker;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once across restarts: a stream of quotes keeps coming while the Streams application is closed in
 * the middle of it and started again, once on its own state directory and once on a wiped one (its state
 * restored from the changelogs). Every closed 1m bar, read as a read-committed consumer, must hold exactly
 * the volume of its quotes: none lost, none counted twice.
 */
class RestartIT {
    /** 09:30 in New York on a Monday: the quotes replay a past session. */
    private static final Instant SESSION_OPEN = Instant.parse("2026-01-05T14:30:00Z");
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "IBM", "NVDA", "AMD", "INTC");
    private static final int MINUTES = 24;
    private static final int QUOTES_PER_MINUTE = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String APPLICATION_ID = "restart-it";

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporary();
        broker.createTopics(Topics.all());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void closedMinuteBarsHoldTheVolumeOfTheirQuotesExactlyOnceAcrossRestartsAndAStateWipe() throws Exception {
        List<Quote> quotes = quotes();
        Path stateDir = dataDir.resolve("state");
        String minutes = Topics.bars(Interval.M1).name();
        try (KafkaTestSupport kafka = new KafkaTestSupport(broker.bootstrapServers(),
                List.of(minutes, Topics.QUOTES_DLQ.name()))) {
            StreamsLifecycle first = start(stateDir);
            kafka.sendAll(slice(quotes, 0, 8));
            awaitClosedBars(kafka, 1);
            first.stop();
            assertThat(groupMembers()).isEmpty();

            kafka.sendAll(slice(quotes, 8, 16));
            StreamsLifecycle second = start(stateDir);
            awaitClosedBars(kafka, SYMBOLS.size() * 8 + 1);
            second.stop();
            deleteRecursively(stateDir);

            kafka.sendAll(slice(quotes, 16, MINUTES + 1));
            StreamsLifecycle third = start(stateDir);
            try {
                awaitClosedBars(kafka, SYMBOLS.size() * MINUTES);

                List<Bar> closed = closedBars(kafka);
                Map<String, Long> expected = volumesByMinute(quotes);
                assertThat(closed).extracting(Bar::key).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(expected.keySet());
                assertThat(closed).allSatisfy(bar -> assertThat(bar.volume()).as(bar.key())
                        .isEqualTo(expected.get(bar.key())));
                assertThat(kafka.values(Topics.QUOTES_DLQ.name(), DeadLetter.class)).isEmpty();
            } finally {
                third.stop();
            }
        }
    }

    /** Starts the service's Streams client as the service does, and waits until it runs. */
    private static StreamsLifecycle start(Path stateDir) {
        StreamsSettings settings = new StreamsSettings(broker.bootstrapServers(), APPLICATION_ID, stateDir, null,
                null, null, null, null, Duration.ofMinutes(30), null, null, null, null, null, null, null, null);
        StreamsLifecycle lifecycle = new StreamsLifecycle(settings, Clock.systemUTC());
        lifecycle.start();
        await().atMost(PATIENCE).until(() -> lifecycle.state().orElseThrow() == KafkaStreams.State.RUNNING);
        return lifecycle;
    }

    private static void awaitClosedBars(KafkaTestSupport kafka, int atLeast) {
        await().atMost(PATIENCE).until(() -> closedBars(kafka).size() >= atLeast);
    }

    private static List<Bar> closedBars(KafkaTestSupport kafka) {
        return kafka.values(Topics.bars(Interval.M1).name(), Bar.class).stream().filter(Bar::closed).toList();
    }

    private static List<MemberDescription> groupMembers() throws Exception {
        try (Admin admin = broker.admin()) {
            return List.copyOf(admin.describeConsumerGroups(List.of(APPLICATION_ID)).all()
                    .get(10, TimeUnit.SECONDS).get(APPLICATION_ID).members());
        }
    }

    /**
     * Quotes of every symbol, minute after minute, in time order; one more quote per symbol in the minute
     * after the last closes its last bar. The grace is long, so only a later quote closes a bar: a pause of
     * the stream while the service restarts closes nothing early.
     */
    private static List<Quote> quotes() {
        SplittableRandom random = new SplittableRandom(42);
        List<Quote> quotes = new ArrayList<>();
        for (int minute = 0; minute <= MINUTES; minute++) {
            int count = minute == MINUTES ? 1 : QUOTES_PER_MINUTE;
            for (int i = 0; i < count; i++) {
                Instant time = SESSION_OPEN.plusSeconds(minute * 60L + i * 60L / QUOTES_PER_MINUTE);
                for (String symbol : SYMBOLS) {
                    BigDecimal price = BigDecimal.valueOf(10_000 + random.nextInt(500), 2);
                    long volume = 1 + random.nextInt(1_000);
                    quotes.add(new Quote(symbol, time, price, volume, price.multiply(BigDecimal.valueOf(volume)),
                            "test"));
                }
            }
        }
        return quotes;
    }

    /** The quotes of minutes {@code [from, to)}. */
    private static List<Quote> slice(List<Quote> quotes, int from, int to) {
        Instant start = SESSION_OPEN.plusSeconds(from * 60L);
        Instant end = SESSION_OPEN.plusSeconds(to * 60L);
        return quotes.stream().filter(quote -> !quote.timestamp().isBefore(start) && quote.timestamp().isBefore(end))
                .toList();
    }

    /** The volume of every closed 1m bar, by bar key: every minute but the last, which stays open. */
    private static Map<String, Long> volumesByMinute(List<Quote> quotes) {
        Map<String, Long> volumes = new HashMap<>();
        Instant lastMinute = SESSION_OPEN.plusSeconds(MINUTES * 60L);
        for (Quote quote : quotes) {
            Instant minute = Instant.ofEpochSecond(quote.timestamp().getEpochSecond() / 60 * 60);
            if (minute.isBefore(lastMinute)) {
                volumes.merge(quote.symbol() + '|' + minute, quote.volume(), Long::sum);
            }
        }
        return volumes;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }
}
