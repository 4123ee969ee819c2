package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesIT {
    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly().onExit().join();
        }
    }

    @Test
    void aRecordedProcessStillAliveIsStoppedOnTheNextStart() throws IOException {
        child = startChild();
        PidFiles.record(dir, "redis", child.toHandle(), SleepingChild.class.getSimpleName());

        var stopped = PidFiles.stopLeftovers(dir, Duration.ofSeconds(10));

        assertThat(stopped).containsExactly("redis (pid " + child.pid() + ")");
        assertThat(child.isAlive()).isFalse();
        assertThat(dir.resolve("redis.pid")).doesNotExist();
    }

    @Test
    void aPidNowUsedByAnotherProgramIsLeftAlone() throws IOException {
        child = startChild();
        PidFiles.record(dir, "redis", child.toHandle(), "redis-server");

        var stopped = PidFiles.stopLeftovers(dir, Duration.ofSeconds(10));

        assertThat(stopped).isEmpty();
        assertThat(child.isAlive()).isTrue();
        assertThat(dir.resolve("redis.pid")).doesNotExist();
    }

    @Test
    void aRecordedRedisIsStoppedOnTheNextStart() throws IOException {
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, null, null, true);
        try {
            PidFiles.record(dir, "redis", ProcessHandle.of(redis.pid()).orElseThrow(), "redis-server");

            var stopped = PidFiles.stopLeftovers(dir, Duration.ofSeconds(10));

            assertThat(stopped).containsExactly("redis (pid " + redis.pid() + ")");
            assertThat(ProcessHandle.of(redis.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        } finally {
            redis.close();
        }
    }

    private Process startChild() throws IOException {
        Process process = new ProcessBuilder(ChildProcesses.sleepingChild())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        ChildProcesses.awaitPid(dir.resolve("child.log"));
        return process;
    }
}
