package io.mystocks.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.ingest.simulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackfillPaceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T01:00:00Z"));

    @Test
    void letsTheFirstBatchGoAndHoldsTheNextUntilThePaceAllowsIt() {
        BackfillPace pace = new BackfillPace(1000, clock);

        long first = pace.delayFor(2500);
        long second = pace.delayFor(2500);

        assertThat(first).isZero();
        assertThat(second).isEqualTo(2500);
    }

    @Test
    void countsTheTimeAlreadySpentAgainstTheWait() {
        BackfillPace pace = new BackfillPace(1000, clock);
        pace.delayFor(2500);

        clock.advance(Duration.ofMillis(2000));
        long afterTwoSeconds = pace.delayFor(500);
        clock.advance(Duration.ofMillis(5000));
        long wellBehind = pace.delayFor(500);

        assertThat(afterTwoSeconds).isEqualTo(500);
        assertThat(wellBehind).isZero();
    }

    @Test
    void neverWaitsWithoutALimit() {
        BackfillPace pace = new BackfillPace(0, clock);

        pace.delayFor(1_000_000);

        assertThat(pace.delayFor(1_000_000)).isZero();
    }

    @Test
    void refusesANegativePace() {
        assertThatThrownBy(() -> new BackfillPace(-1, clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 (no limit) or positive");
    }
}
