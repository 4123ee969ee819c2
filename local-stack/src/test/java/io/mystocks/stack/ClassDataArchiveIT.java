package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveIT {
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(child -> child.destroyForcibly().onExit().join());
    }

    @Test
    void aRunningServiceWritesItsArchiveAndTheNextStartMapsIt() throws Exception {
        // -Xshare:on makes the second start fail unless the archive maps, with the services' own flags.
        Path jar = TestJars.runnable(SleepingChild.class, dir.resolve("service-exec.jar"));
        ClassDataArchive archive = ClassDataArchive.of(dir.resolve("cds"), "service", jar);
        Files.createDirectories(dir.resolve("cds"));
        Process first = start(jar, archive.jvmOptions(), "first.log");
        ChildProcesses.awaitPid(dir.resolve("first.log"));

        boolean written = archive.writeFrom(first.pid(), JCMD, Duration.ofMinutes(1));

        assertThat(written).isTrue();
        assertThat(archive.isValid()).isTrue();
        List<String> mapping = new ArrayList<>(archive.jvmOptions());
        mapping.add("-Xshare:on");
        Process second = start(jar, mapping, "second.log");
        ChildProcesses.awaitPid(dir.resolve("second.log"));
        assertThat(second.isAlive()).isTrue();
    }

    @Test
    void anArchiveForAnotherJarIsNotValid() throws Exception {
        Path jar = TestJars.runnable(SleepingChild.class, dir.resolve("service-exec.jar"));
        Files.createDirectories(dir.resolve("cds"));
        Files.writeString(dir.resolve("cds/service.jsa"), "stale");
        Files.writeString(dir.resolve("cds/service.jsa.source"), "some other jar");

        ClassDataArchive archive = ClassDataArchive.of(dir.resolve("cds"), "service", jar);

        assertThat(archive.isValid()).isFalse();
        assertThat(archive.jvmOptions()).contains("-XX:+RecordDynamicDumpInfo")
                .noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void aProcessThatCannotDumpLeavesNoArchive() throws Exception {
        Path jar = TestJars.runnable(SleepingChild.class, dir.resolve("service-exec.jar"));
        ClassDataArchive archive = ClassDataArchive.of(dir.resolve("cds"), "service", jar);
        Files.createDirectories(dir.resolve("cds"));
        Process plain = start(jar, List.of(), "plain.log");
        ChildProcesses.awaitPid(dir.resolve("plain.log"));

        boolean written = archive.writeFrom(plain.pid(), JCMD, Duration.ofMinutes(1));

        assertThat(written).isFalse();
        assertThat(archive.isValid()).isFalse();
    }

    private Process start(Path jar, List<String> options, String log) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx32m"));
        command.addAll(Launcher.JDK_FLAGS);
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile()).start();
        children.add(process);
        return process;
    }
}
