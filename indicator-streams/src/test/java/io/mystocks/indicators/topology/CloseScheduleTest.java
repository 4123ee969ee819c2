package io.mystocks.indicators.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CloseScheduleTest {
    private static final Instant CLOSE = Instant.parse("2026-03-02T01:31:00Z");
    private final CloseSchedule schedule = new CloseSchedule(Duration.ofSeconds(5));

    @Test
    void aBarIsDueItsGraceAfterItsEnd() {
        schedule.touch("600519|1m", CLOSE, CLOSE.minusSeconds(30));

        assertThat(schedule.takeDue(CLOSE.plusMillis(4_999))).isEmpty();
        assertThat(schedule.takeDue(CLOSE.plusSeconds(5))).containsExactly("600519|1m");
        assertThat(schedule.takeDue(CLOSE.plusSeconds(60))).isEmpty();
    }

    @Test
    void aBarStillUpdatedAfterItsEndWaitsForTheGraceAfterTheLastUpdate() {
        Instant replayedLate = CLOSE.plusSeconds(100);

        schedule.touch("600519|1m", CLOSE, replayedLate);

        assertThat(schedule.takeDue(CLOSE.plusSeconds(10))).isEmpty();
        assertThat(schedule.takeDue(replayedLate.plusSeconds(5))).containsExactly("600519|1m");
    }

    @Test
    void aCancelledBarIsNeverDueAndTouchingAgainReplacesTheDeadline() {
        schedule.touch("A|1m", CLOSE, CLOSE.minusSeconds(1));
        schedule.touch("B|1m", CLOSE, CLOSE.minusSeconds(1));
        schedule.touch("B|1m", CLOSE.plusSeconds(60), CLOSE.plusSeconds(1));

        schedule.cancel("A|1m");

        assertThat(schedule.takeDue(CLOSE.plusSeconds(10))).isEmpty();
        assertThat(schedule.takeDue(CLOSE.plusSeconds(65))).containsExactly("B|1m");
        assertThat(schedule.size()).isZero();
    }
}
