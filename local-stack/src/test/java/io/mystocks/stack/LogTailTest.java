package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @TempDir
    Path dir;

    @Test
    void aLargeLogGivesItsLastLines() throws IOException {
        Path log = dir.resolve("big.log");
        Files.writeString(log, IntStream.rangeClosed(1, 50_000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 49998", "line 49999", "line 50000");
    }

    @Test
    void aShortLogGivesAllItHas() throws IOException {
        Path log = dir.resolve("short.log");
        Files.writeString(log, "only\ntwo\n");

        assertThat(LogTail.lastLines(log, 20)).containsExactly("only", "two");
    }

    @Test
    void aMissingLogIsSaidSo() {
        assertThat(LogTail.lastLines(dir.resolve("none.log"), 20)).singleElement().asString()
                .startsWith("(cannot read");
    }
}
