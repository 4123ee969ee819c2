package io.mystocks.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {
    @Test
    void everythingLeftOutTakesItsDefault() {
        StreamsSettings settings = StreamsSettings.defaults("127.0.0.1:9092", Path.of("state"));

        assertThat(settings.applicationId()).isEqualTo("mystocks-indicators");
        assertThat(settings.numStreamThreads()).isEqualTo(1);
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.historySize()).isEqualTo(300);
        assertThat(settings.emitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.grace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.replicationFactor()).isEqualTo(1);
    }

    @Test
    void aZeroEmitIntervalIsRefusedByName() {
        assertThatThrownBy(() -> new StreamsSettings("127.0.0.1:9092", null, null, null, null, null, Duration.ZERO,
                null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mystocks.streams.emit-interval");
    }
}
