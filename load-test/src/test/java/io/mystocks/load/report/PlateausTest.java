package io.mystocks.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.load.SaturationPlan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlateausTest {
    /** Two plateaus of 10 s at 100/s and 200/s, 2 s apart, judged after 1 s; p99 under 10 ms. */
    private static final SaturationPlan PLAN = new SaturationPlan(100, 200, 2, Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofSeconds(1), 10);
    private static final int INJECTION_START = 500;

    @Test
    void holdsAPlateauAtItsRateWithoutFailuresAndAFastP99() {
        Plateaus plateaus = new Plateaus(PLAN);
        plateaus.userStarted(INJECTION_START);

        arrivals(plateaus, 1_000, 10_000, 100, 3, true);
        arrivals(plateaus, 13_000, 22_000, 200, 3, true);

        assertThat(plateaus.results()).extracting(Plateaus.Result::verdict).containsExactly("held", "held");
        assertThat(plateaus.results().get(0).achievedRate()).isEqualTo(100.0);
        assertThat(plateaus.highestHeld()).get().extracting(result -> result.level().targetRate()).isEqualTo(200.0);
    }

    @Test
    void stopsAtTheFirstPlateauThatMissesALimit() {
        Plateaus plateaus = new Plateaus(PLAN);
        plateaus.userStarted(INJECTION_START);

        arrivals(plateaus, 1_000, 10_000, 100, 3, true);
        arrivals(plateaus, 13_000, 22_000, 200, 25, true);

        assertThat(plateaus.results().get(1).verdict()).isEqualTo("p99 >= 10 ms");
        assertThat(plateaus.highestHeld()).get().extracting(result -> result.level().number()).isEqualTo(1);
    }

    @Test
    void failsAPlateauTheGeneratorCouldNotFeedOrThatHadErrors() {
        Plateaus plateaus = new Plateaus(PLAN);
        plateaus.userStarted(INJECTION_START);

        arrivals(plateaus, 1_000, 10_000, 50, 3, true);
        plateaus.request(new SimulationLog.Request("/health", INJECTION_START + 2_000, INJECTION_START + 2_001, false,
                "status 503"));

        assertThat(plateaus.results().get(0).verdict()).isEqualTo("rate below 95 % of target, 1 failed");
        assertThat(plateaus.highestHeld()).isEmpty();
    }

    @Test
    void leavesOutRequestsOfTheSettleTimeAndTheRamps() {
        Plateaus plateaus = new Plateaus(PLAN);
        plateaus.userStarted(INJECTION_START);

        arrivals(plateaus, 0, 1_000, 100, 900, false);
        arrivals(plateaus, 10_000, 12_000, 100, 900, false);

        assertThat(plateaus.results()).allSatisfy(result -> assertThat(result.times().count()).isZero());
    }

    /** Requests at {@code rate}/s between two offsets from the injection start. */
    private static void arrivals(Plateaus plateaus, int from, int to, int rate, int responseTime, boolean ok) {
        int gap = 1_000 / rate;
        for (int offset = from; offset < to; offset += gap) {
            int start = INJECTION_START + offset;
            plateaus.request(new SimulationLog.Request("/health", start, start + responseTime, ok, ok ? "" : "KO"));
        }
    }
}
