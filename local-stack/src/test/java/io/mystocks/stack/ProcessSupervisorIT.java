package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSupervisorIT {
    @TempDir
    Path dir;

    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final ProcessSupervisor supervisor =
            new ProcessSupervisor(Clock.systemUTC(), child -> unexpected.add(child.name()));

    @AfterEach
    void killLeftovers() {
        supervisor.children().forEach(child -> child.process().destroyForcibly().onExit().join());
    }

    @Test
    void stopLeavesNoChildAlive() {
        ProcessSupervisor.Child first = start("first");
        ProcessSupervisor.Child second = start("second");
        ChildProcesses.awaitPid(first.logFile());
        ChildProcesses.awaitPid(second.logFile());

        ProcessSupervisor.StopReport report = supervisor.stopAll(Duration.ofSeconds(15));

        assertThat(report.stopped()).isEqualTo(2);
        assertThat(report.killed()).isEmpty();
        assertThat(List.of(first, second)).allSatisfy(child -> {
            assertThat(child.process().isAlive()).isFalse();
            assertThat(ProcessHandle.of(child.process().pid())).isEmpty();
        });
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void aChildThatIgnoresSigtermIsKilledAfterTheGracePeriod() {
        ProcessSupervisor.Child stubborn = start("stubborn", "stubborn");
        ChildProcesses.awaitPid(stubborn.logFile());

        ProcessSupervisor.StopReport report = supervisor.stopAll(Duration.ofMillis(500));

        assertThat(report.killed()).containsExactly("stubborn");
        assertThat(stubborn.process().isAlive()).isFalse();
    }

    @Test
    void aChildKeepsThePidTheSupervisorKnows() {
        ProcessSupervisor.Child child = start("pid");

        assertThat(ChildProcesses.awaitPid(child.logFile())).isEqualTo(child.process().pid());
    }

    @Test
    void aChildThatDiesOnItsOwnIsReported() {
        ProcessSupervisor.Child child = start("fragile");
        ChildProcesses.awaitPid(child.logFile());

        child.process().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> unexpected.contains("fragile"));
    }

    @Test
    void nothingStartsOnceStoppingHasBegun() {
        supervisor.stopAll(Duration.ofSeconds(1));

        assertThatThrownBy(() -> start("late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopping");
    }

    private ProcessSupervisor.Child start(String name, String... args) {
        return supervisor.start(name, ChildProcesses.sleepingChild(args), Map.of("MYSTOCKS_TEST", name), dir,
                dir.resolve(name + ".log"));
    }
}
