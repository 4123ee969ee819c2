package io.mystocks.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Quote;
import io.mystocks.ingest.simulator.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplaySessionTest {
    /** When the recording was made: long ago, to show that only the spacing between prints matters. */
    private static final Instant RECORDED = Instant.parse("2013-11-25T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final Tape tape = new Tape("test", List.of(
            print(Duration.ZERO, "100.00"),
            print(Duration.ofMinutes(1), "100.10"),
            print(Duration.ofMinutes(30), "100.20"),
            print(Duration.ofMinutes(60), "100.30")), List.of());

    @Test
    void firstPrintMapsToNowAndTheRestAreSpacedByTheSpeed() {
        ReplaySession session = new ReplaySession(tape, 60, false, clock);
        session.start();

        List<Quote> atStart = session.due(100);
        clock.advance(Duration.ofMillis(999));
        List<Quote> beforeTheSecond = session.due(100);
        clock.advance(Duration.ofMillis(1));
        List<Quote> atOneSecond = session.due(100);
        clock.advance(Duration.ofMinutes(5));
        List<Quote> afterFiveMinutes = session.due(100);

        assertThat(atStart).extracting(Quote::timestamp).containsExactly(NOW);
        assertThat(atStart.getFirst().source()).isEqualTo("replay");
        assertThat(beforeTheSecond).isEmpty();
        assertThat(atOneSecond).extracting(Quote::timestamp).containsExactly(NOW.plusSeconds(1));
        assertThat(afterFiveMinutes).extracting(Quote::timestamp).containsExactly(NOW.plusSeconds(30),
                NOW.plusSeconds(60));
        assertThat(afterFiveMinutes).extracting(quote -> quote.price().toPlainString())
                .containsExactly("100.20", "100.30");
        assertThat(session.finished()).isTrue();
        assertThat(session.played()).isEqualTo(4);
    }

    @Test
    void realTimeSpeedKeepsTheRecordedSpacing() {
        ReplaySession session = new ReplaySession(tape, 1, false, clock);
        session.start();

        session.due(100);
        clock.advance(Duration.ofSeconds(59));
        List<Quote> early = session.due(100);
        clock.advance(Duration.ofSeconds(1));
        List<Quote> onTime = session.due(100);

        assertThat(early).isEmpty();
        assertThat(onTime).extracting(Quote::timestamp).containsExactly(NOW.plusSeconds(60));
        assertThat(session.finished()).isFalse();
    }

    @Test
    void speedZeroPlaysEverythingAtOnceStampedWithTheClockAndBoundedPerCall() {
        ReplaySession session = new ReplaySession(tape, 0, false, clock);
        session.start();

        List<Quote> first = session.due(3);
        clock.advance(Duration.ofMillis(50));
        List<Quote> rest = session.due(3);

        assertThat(first).hasSize(3).extracting(Quote::timestamp).containsOnly(NOW);
        assertThat(rest).extracting(Quote::timestamp).containsExactly(NOW.plusMillis(50));
        assertThat(session.finished()).isTrue();
    }

    @Test
    void loopingSessionStartsTheNextPassOneMeanSpacingAfterTheLastPrint() {
        ReplaySession session = new ReplaySession(tape, 60, true, clock);
        session.start();

        clock.advance(Duration.ofSeconds(60));
        List<Quote> firstPass = session.due(100);
        clock.advance(Duration.ofSeconds(20));
        List<Quote> secondPassStart = session.due(100);

        assertThat(firstPass).hasSize(4);
        // Mean spacing: 60 recorded minutes over 3 gaps, at speed 60: 20 s.
        assertThat(secondPassStart).extracting(Quote::timestamp).containsExactly(NOW.plusSeconds(80));
        assertThat(session.passes()).isEqualTo(2);
        assertThat(session.finished()).isFalse();
    }

    @Test
    void emptyTapeIsFinishedAtOnce() {
        ReplaySession session = new ReplaySession(new Tape("empty", List.of(), List.of()), 1, true, clock);

        assertThat(session.due(10)).isEmpty();
        assertThat(session.finished()).isTrue();
    }

    private static Tape.Print print(Duration after, String price) {
        return new Tape.Print(RECORDED.plus(after), "AAPL", new BigDecimal(price), 10,
                new BigDecimal(price).multiply(BigDecimal.TEN));
    }
}
