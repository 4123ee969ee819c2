package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void upWithoutOptionsUsesTheDefaults() {
        Command command = CommandLine.parse(List.of("up"));

        assertThat(command).isEqualTo(new Command.Up(8080, Path.of("data"), false, OptionalInt.empty(), Path.of(".")));
        assertThat(((Command.Up) command).dataDir()).isAbsolute();
    }

    @Test
    void upAcceptsSpaceAndEqualsForms() {
        Command command = CommandLine.parse(List.of("up", "--port", "9090", "--data-dir=/tmp/stack-a", "--fresh",
                "--rate=50", "--jars", "/opt/mystocks"));

        assertThat(command).isEqualTo(new Command.Up(9090, Path.of("/tmp/stack-a"), true, OptionalInt.of(50),
                Path.of("/opt/mystocks")));
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--prot", "8080")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--prot");
    }

    @Test
    void anOptionWithoutItsValueIsRejected() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--port", "--fresh")))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --port needs a value");
    }

    @Test
    void aPortThatIsNotANumberIsQuoted() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--port", "http")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--port").hasMessageContaining("'http'");
    }

    @Test
    void aPortOutsideTheRangeIsRejected() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--port=70000")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--port must be from 1 to 65535");
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--rate", "0")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--rate");
    }

    @Test
    void aFlagTakesNoValue() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--fresh=yes")))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --fresh takes no value");
    }

    @Test
    void anOptionGivenTwiceIsRejected() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--port", "1", "--port", "2")))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --port is given twice");
    }

    @Test
    void createTopicsReadsItsTwoOptions() {
        Command command = CommandLine.parse(List.of("create-topics", "--bootstrap-servers", "k1:9092,k2:9092",
                "--replication-factor", "3"));

        assertThat(command).isEqualTo(new Command.CreateTopics("k1:9092,k2:9092", (short) 3));
    }

    @Test
    void createTopicsNeedsTheBootstrapServers() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("create-topics", "--replication-factor", "3")))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --bootstrap-servers is required");
    }

    @Test
    void createTopicsRejectsAZeroReplicationFactor() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("create-topics", "--bootstrap-servers", "k:9092",
                "--replication-factor", "0")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--replication-factor");
    }

    @Test
    void upOptionsDoNotApplyToCreateTopics() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("create-topics", "--port", "8080")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--port' for create-topics");
    }

    @Test
    void anUnknownCommandIsNamed() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("start")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown command 'start'");
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertThatThrownBy(() -> CommandLine.parse(List.of())).isInstanceOf(UsageException.class);
    }

    @Test
    void helpHasThreeSpellings() {
        assertThat(List.of("help", "--help", "-h"))
                .allSatisfy(word -> assertThat(CommandLine.parse(List.of(word))).isInstanceOf(Command.Help.class));
    }
}
