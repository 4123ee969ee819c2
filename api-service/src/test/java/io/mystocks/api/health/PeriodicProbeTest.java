package io.mystocks.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeriodicProbeTest {

    @Test
    void isDownUntilFirstProbedThenShowsTheLastResult() {
        FlakyProbe probe = new FlakyProbe();

        DependencyStatus before = probe.status();
        probe.refresh();
        DependencyStatus after = probe.status();

        assertThat(before.up()).isFalse();
        assertThat(before.detail()).isEqualTo("not checked yet");
        assertThat(after.up()).isTrue();
    }

    @Test
    void probeThatThrowsCountsAsDown() {
        FlakyProbe probe = new FlakyProbe();
        probe.refresh();
        probe.fail = true;

        probe.refresh();

        assertThat(probe.status().up()).isFalse();
        assertThat(probe.status().detail()).contains("connection refused");
    }

    @Test
    void statusMapStartsWithStatusAndDetail() {
        DependencyStatus status = DependencyStatus.up("ok").withFigures(java.util.Map.of("n", 1));

        assertThat(status.toMap()).containsExactly(java.util.Map.entry("status", "up"),
                java.util.Map.entry("detail", "ok"), java.util.Map.entry("n", 1));
    }

    private static final class FlakyProbe extends PeriodicProbe {
        boolean fail;

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        protected DependencyStatus probe() {
            if (fail) {
                throw new IllegalStateException("connection refused");
            }
            return DependencyStatus.up("fine");
        }
    }
}
