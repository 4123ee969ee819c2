package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackPropertiesTest {
    @TempDir
    Path dir;

    @Test
    void aSavedPortIsReusedWhileItIsFree() {
        Path file = dir.resolve("stack.properties");
        StackProperties first = StackProperties.load(file);
        int chosen = first.port("redis.port");
        first.save();

        int reused = StackProperties.load(file).port("redis.port");

        assertThat(reused).isEqualTo(chosen);
    }

    @Test
    void aSavedPortThatIsTakenIsReplacedAndTheReplacementSaved() throws IOException {
        Path file = dir.resolve("stack.properties");
        StackProperties first = StackProperties.load(file);
        int chosen = first.port("kafka.port");
        first.save();

        try (ServerSocket squatter = new ServerSocket(chosen, 1, InetAddress.getLoopbackAddress())) {
            StackProperties second = StackProperties.load(file);
            int replacement = second.port("kafka.port");
            second.save();

            assertThat(replacement).isNotEqualTo(chosen);
            assertThat(StackProperties.load(file).port("kafka.port")).isEqualTo(replacement);
        }
    }

    @Test
    void noTwoKeysShareAPort() {
        StackProperties properties = StackProperties.load(dir.resolve("stack.properties"));
        properties.fixPort("api-service.port", 8080);

        Set<Integer> ports = new HashSet<>(List.of(8080));
        for (String key : List.of("a", "b", "c", "d", "e", "f", "g")) {
            ports.add(properties.port(key));
        }

        assertThat(ports).hasSize(8);
    }

    @Test
    void theCsrfSecretIsMadeOnceAndKept() {
        Path file = dir.resolve("stack.properties");
        StackProperties first = StackProperties.load(file);
        String secret = first.csrfSecret(new SecureRandom());
        first.save();

        String again = StackProperties.load(file).csrfSecret(new SecureRandom());

        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(again).isEqualTo(secret);
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("stack.properties");
        StackProperties properties = StackProperties.load(file);
        properties.csrfSecret(new SecureRandom());

        properties.save();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
