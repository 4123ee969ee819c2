package io.mystocks.ingest.universe;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.ingest.kafka.RecordSender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class UniverseStartupTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(UniverseConfiguration.class, Sender.class);

    @TempDir
    Path dir;

    @Test
    void startsWithTheBundledUniverse() {
        context.run(started -> assertThat(started).hasNotFailed()
                .getBean(Universe.class).extracting(Universe::size).isEqualTo(UniverseFixtures.bundled().size()));
    }

    @Test
    void badExtraFileStopsTheStartWithItsFileAndLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.write(file, List.of(String.join(",", UniverseCsv.COLUMNS),
                "AAPL,Apple Inc.,NASDAQ,USD,IT,1,0,36,54,1.5,0.06,0.1,0.004,4e12,2026-09-30"), StandardCharsets.UTF_8);

        context.withPropertyValues("mystocks.universe.extra-files=" + file).run(failed -> assertThat(failed)
                .getFailure().rootCause().isInstanceOf(InvalidUniverseException.class)
                .hasMessage(file + " line 2: ref_price must be positive, was 0"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(UniverseProperties.class)
    static class Sender {
        @Bean
        RecordSender recordSender() {
            return record -> CompletableFuture.failedFuture(new IllegalStateException("no Kafka in this test"));
        }
    }
}
