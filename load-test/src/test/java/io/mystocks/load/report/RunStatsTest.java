package io.mystocks.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatsTest {
    private static final List<String> WARM_UP = List.of(RunStats.WARM_UP_GROUP);

    @Test
    void leavesTheWarmUpOutOfEveryFigure() {
        RunStats stats = new RunStats();
        stats.userStarted(0);
        stats.userStarted(500);
        stats.request(new SimulationLog.Request("/health", 0, 900, false, "KO", WARM_UP));
        stats.request(new SimulationLog.Request("/health", 600, 60_000, true, "", WARM_UP));
        stats.userStarted(60_100);
        stats.request(new SimulationLog.Request("/health", 60_100, 60_103, true, ""));
        stats.userStarted(60_400);
        stats.request(new SimulationLog.Request("/", 60_400, 62_100, true, ""));

        assertThat(stats.total().count()).isEqualTo(2);
        assertThat(stats.total().failures()).isZero();
        assertThat(stats.errors()).isEmpty();
        assertThat(stats.total().times().max()).isEqualTo(1_700);
        assertThat(stats.users()).isEqualTo(2);
        assertThat(stats.seconds()).isEqualTo(2.0);
        assertThat(stats.firstStartMillis()).isEqualTo(60_100);
        assertThat(stats.warmUpRequests()).isEqualTo(2);
        assertThat(stats.warmUpSeconds()).isEqualTo(60.0);
    }

    @Test
    void countsEveryUserOfARunWithoutWarmUp() {
        RunStats stats = new RunStats();
        stats.userStarted(0);
        stats.userStarted(4_000);
        stats.request(new SimulationLog.Request("/health", 4_100, 4_110, true, ""));

        assertThat(stats.users()).isEqualTo(2);
        assertThat(stats.warmUpRequests()).isZero();
        assertThat(stats.warmUpSeconds()).isZero();
        assertThat(stats.firstStartMillis()).isEqualTo(4_100);
    }
}
