package io.mystocks.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import io.mystocks.ingest.publish.PublisherFixtures;
import io.mystocks.ingest.publish.PublisherFixtures.RecordingSender;
import io.mystocks.ingest.replay.ReplayProperties.FileSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayFeedTest {
    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RecordingSender sender = new RecordingSender();

    @Test
    void filePlaysAsValidatedQuotesAndItsUnreadableRowsGoToTheDeadLetterTopicOnce() {
        Tape tape = new TapeReader(symbol -> 1).read(FileSource.of("classpath:replay/ticks.csv"));
        ReplayProperties settings = new ReplayProperties(true, 0, false, Duration.ofMillis(10), 100,
                List.of(FileSource.of("classpath:replay/ticks.csv")));
        ReplayFeed feed = new ReplayFeed(List.of(tape),
                PublisherFixtures.publisher(sender, Set.of("AAPL")::contains, CLOCK), settings, CLOCK);

        feed.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> "finished".equals(feed.details().get("state")));
        feed.stop();
        feed.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> "finished".equals(feed.details().get("state")));
        feed.stop();

        JsonSerde<Quote> quotes = JsonSerde.of(Quote.class);
        assertThat(sender.sent(Topics.QUOTES.name())).hasSize(8).allSatisfy(record -> {
            Quote quote = quotes.deserialize(record.topic(), record.value());
            assertThat(quote.source()).isEqualTo("replay");
            assertThat(quote.timestamp()).isEqualTo(NOW);
        });
        assertThat(sender.sent(Topics.QUOTES_DLQ.name())).extracting(record ->
                RecordHeaders.text(record.headers(), RecordHeaders.DLQ_REASON)).containsExactlyInAnyOrder(
                "has 3 fields, the header 4", "price 'abc' is not a number",
                "symbol '600519' is not in the universe; publish it to reference.instruments first",
                "symbol '600519' is not in the universe; publish it to reference.instruments first");
        assertThat(feed.details()).containsEntry("quotes_played", 10L).containsEntry("rows_unreadable", 2);
    }

    @Test
    void disabledFeedDoesNotStart() {
        ReplayProperties off = new ReplayProperties(false, 1, false, Duration.ofMillis(10), 100, List.of());
        ReplayFeed feed = new ReplayFeed(List.of(), PublisherFixtures.publisher(sender, symbol -> true, CLOCK), off,
                CLOCK);

        feed.start();

        assertThat(feed.isRunning()).isFalse();
        assertThat(feed.details()).containsEntry("state", "disabled");
    }
}
