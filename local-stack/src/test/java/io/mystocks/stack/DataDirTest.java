package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {
    @TempDir
    Path dir;

    @Test
    void freshRefusesAFolderThatIsNotAMyStocksDataDirAndChangesNothing() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "precious");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = LocalStack.run(List.of("up", "--fresh", "--data-dir", home.toString(),
                "--port", Integer.toString(FreePorts.next())), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Instant.now());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not look like a MyStocks data directory");
        assertThat(Files.readString(home.resolve("thesis.tex"))).isEqualTo("precious");
        assertThat(home.resolve(DataDir.MARKER)).doesNotExist();
    }

    @Test
    void aNewFolderIsCreatedAndMarked() {
        try (DataDir dataDir = DataDir.open(dir.resolve("new"))) {
            assertThat(dataDir.root().resolve(DataDir.MARKER)).exists();
        }
    }

    @Test
    void anEmptyFolderIsAccepted() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        try (DataDir dataDir = DataDir.open(empty)) {
            assertThat(dataDir.root()).isEqualTo(empty);
        }
    }

    @Test
    void wipeRemovesStateButKeepsTheMarkerAndTheRunFolder() throws IOException {
        try (DataDir dataDir = DataDir.open(dir.resolve("data"))) {
            dataDir.createLayout(List.of("api-service"));
            Files.writeString(dataDir.kafka().resolve("meta.properties"), "cluster.id=x");
            Files.writeString(dataDir.run().resolve("redis.pid"), "1");

            dataDir.wipe();

            assertThat(dataDir.kafka()).doesNotExist();
            assertThat(dataDir.service("api-service")).doesNotExist();
            assertThat(dataDir.root().resolve(DataDir.MARKER)).exists();
            assertThat(dataDir.run().resolve("redis.pid")).exists();
        }
    }

    @Test
    void aFolderInUseByAnotherStackIsRefused() {
        try (DataDir first = DataDir.open(dir.resolve("shared"))) {
            assertThatThrownBy(() -> DataDir.open(dir.resolve("shared")))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("is in use by a running stack")
                    .hasMessageContaining("launcher pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void theLockIsReleasedOnClose() {
        DataDir.open(dir.resolve("again")).close();

        try (DataDir reopened = DataDir.open(dir.resolve("again"))) {
            assertThat(reopened.run().resolve("launcher.lock")).exists();
        }
    }
}
