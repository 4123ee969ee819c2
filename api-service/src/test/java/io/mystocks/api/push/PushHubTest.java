package io.mystocks.api.push;

import static io.mystocks.api.push.PushFixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.MutableClock;
import io.mystocks.api.push.PushFixtures.Recorder;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.scheduler.Schedulers;

class PushHubTest {
    private static final StreamKey MOUTAI = new StreamKey(Channel.QUOTES, "600519");
    private static final StreamKey PINGAN = new StreamKey(Channel.QUOTES, "000001");

    private final MutableClock clock = new MutableClock(PushFixtures.START);
    private PushHub hub = new PushHub(PushFixtures.properties(256, DataSize.ofMegabytes(1)), clock,
            Schedulers.immediate());

    @Test
    void subscriberReceivesEveryEventOfItsStreamsInOrderWithHubWideIds() {
        Recorder recorder = connect(List.of(MOUTAI), null);

        hub.onQuote(quote("600519", "1700.00"));
        hub.onQuote(quote("AAPL", "190.00"));
        hub.onQuote(quote("600519", "1701.00"));

        assertThat(recorder.sequences()).containsExactly(1L, 3L);
        assertThat(recorder.received.getFirst().event().channel()).isEqualTo(Channel.QUOTES);
        assertThat(Json.mapper().readTree(recorder.received.get(1).event().json()).get("price").decimalValue())
                .isEqualByComparingTo("1701.00");
        assertThat(hub.eventId(recorder.received.get(1).event())).isEqualTo(hub.epoch() + "-3");
    }

    @Test
    void anIndicatorSnapshotIsForwardedAsTheJsonItArrivedIn() {
        StreamKey daily = new StreamKey(Channel.indicators(Interval.D1), "600519");
        Recorder recorder = connect(List.of(daily), null);
        String published = "{\"symbol\":\"600519\",\"interval\":\"1d\",\"values\":{}}";

        hub.onIndicators("600519", Interval.D1, published.getBytes(StandardCharsets.UTF_8));
        hub.onIndicators("600519", Interval.W1, published.getBytes(StandardCharsets.UTF_8));

        assertThat(recorder.received).singleElement()
                .satisfies(delivery -> assertThat(delivery.event().json()).isEqualTo(published));
    }

    @Test
    void resumingClientGetsExactlyTheEventsItMissedThenLiveOnes() {
        Recorder first = connect(List.of(MOUTAI, PINGAN), null);
        hub.onQuote(quote("600519", "1700.00"));
        hub.onQuote(quote("000001", "11.00"));
        first.dispose();
        hub.onQuote(quote("600519", "1701.00"));
        hub.onQuote(quote("AAPL", "190.00"));
        hub.onQuote(quote("000001", "11.10"));
        hub.onQuote(quote("600519", "1702.00"));

        Recorder resumed = connect(List.of(MOUTAI, PINGAN), new EventId(hub.epoch(), 2));
        hub.onQuote(quote("000001", "11.20"));

        assertThat(first.sequences()).containsExactly(1L, 2L);
        assertThat(resumed.sequences()).containsExactly(3L, 5L, 6L, 7L);
        assertThat(resumed.received).noneMatch(Delivery::isReset);
    }

    @Test
    void resumingPastWhatTheRingKeepsGetsAResetWithTheLatestValue() {
        hub = new PushHub(PushFixtures.properties(2, DataSize.ofMegabytes(1)), clock, Schedulers.immediate());
        Recorder first = connect(List.of(MOUTAI), null);
        for (int i = 0; i < 5; i++) {
            hub.onQuote(quote("600519", "170" + i + ".00"));
        }
        first.dispose();

        Recorder resumed = connect(List.of(MOUTAI), new EventId(hub.epoch(), 1));

        assertThat(resumed.received).singleElement().satisfies(reset -> {
            assertThat(reset.isReset()).isTrue();
            assertThat(reset.reason()).isEqualTo(Stream.GAP);
            assertThat(reset.event().sequence()).isEqualTo(5);
        });
    }

    @Test
    void idFromAnotherRunGetsAResetForEveryStreamWithAValue() {
        hub.onQuote(quote("600519", "1700.00"));

        Recorder resumed = connect(List.of(MOUTAI, PINGAN), new EventId("otherepoch", 1));

        assertThat(resumed.received).singleElement().satisfies(reset -> {
            assertThat(reset.reason()).isEqualTo(Stream.OTHER_EPOCH);
            assertThat(reset.event().symbol()).isEqualTo("600519");
        });
    }

    @Test
    void upToDateClientResumesWithNothingToReplay() {
        Recorder first = connect(List.of(MOUTAI), null);
        hub.onQuote(quote("600519", "1700.00"));
        first.dispose();

        Recorder resumed = connect(List.of(MOUTAI), new EventId(hub.epoch(), 1));

        assertThat(resumed.received).isEmpty();
    }

    @Test
    void subscriberThatTakesNothingForTheStallTimeoutIsDisconnected() {
        Recorder slow = connect(List.of(MOUTAI), null, 0);
        hub.onQuote(quote("600519", "1700.00"));
        hub.onQuote(quote("600519", "1701.00"));
        clock.advance(Duration.ofSeconds(29));
        hub.sweep();
        boolean connectedBeforeTimeout = !slow.completed;

        clock.advance(Duration.ofSeconds(2));
        hub.sweep();

        assertThat(connectedBeforeTimeout).isTrue();
        assertThat(slow.completed).isTrue();
        assertThat(hub.disconnectedSlow()).isEqualTo(1);
        assertThat(hub.subscribers()).isEmpty();
        assertThat(hub.conflated()).isEqualTo(1);
    }

    @Test
    void subscriberThatKeepsTakingIsNotDisconnected() {
        Recorder reader = connect(List.of(MOUTAI), null, 0);
        for (int i = 0; i < 5; i++) {
            hub.onQuote(quote("600519", "1700.00"));
            clock.advance(Duration.ofSeconds(20));
            reader.request(1);
            hub.sweep();
        }

        assertThat(reader.completed).isFalse();
        assertThat(reader.received).hasSize(5);
    }

    @Test
    void ringIsDroppedOnceItsStreamHasBeenIdleForTheRetention() {
        Recorder first = connect(List.of(MOUTAI), null);
        hub.onQuote(quote("600519", "1700.00"));
        first.dispose();
        long retainedWhileRecent = hub.retention().events();

        clock.advance(Duration.ofMinutes(5));
        hub.sweep();

        assertThat(retainedWhileRecent).isEqualTo(1);
        assertThat(hub.retention().events()).isZero();
        assertThat(hub.retention().bytes()).isZero();
    }

    @Test
    void retainedEventsStayWithinTheMemoryBudget() {
        hub = new PushHub(PushFixtures.properties(256, DataSize.ofBytes(2_000)), clock, Schedulers.immediate());
        connect(List.of(MOUTAI, PINGAN), null);

        for (int i = 0; i < 200; i++) {
            hub.onQuote(quote(i % 2 == 0 ? "600519" : "000001", "1700.00"));
        }

        assertThat(hub.retention().bytes()).isLessThanOrEqualTo(2_000 + 2 * 600);
        assertThat(hub.retention().events()).isLessThan(200);
    }

    @Test
    void streamsOfSymbolsNeverPublishedAreForgottenOnceUnused() {
        hub.onQuote(quote("600519", "1700.00"));
        Recorder recorder = connect(List.of(new StreamKey(Channel.QUOTES, "ZZZZ")), null);
        recorder.dispose();
        clock.advance(Duration.ofMinutes(6));

        hub.sweep();

        assertThat(hub.symbols()).isEqualTo(1);
        assertThat(hub.subscribers()).isEmpty();
    }

    private Recorder connect(List<StreamKey> keys, EventId after) {
        return connect(keys, after, Long.MAX_VALUE);
    }

    private Recorder connect(List<StreamKey> keys, EventId after, long demand) {
        Recorder recorder = new Recorder();
        hub.open(Subscriber.Transport.SSE, s -> s.subscribe(keys, after)).deliveries().subscribe(recorder);
        if (demand > 0) {
            recorder.request(demand);
        }
        return recorder;
    }
}
