package io.mystocks.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.ta.IndicatorInstance;
import io.mystocks.ta.IndicatorRequestException;
import io.mystocks.ta.IndicatorSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {
    @Test
    void everythingLeftOutTakesItsDefault() {
        StreamsSettings settings = StreamsSettings.defaults("127.0.0.1:9092", Path.of("state"));

        assertThat(settings.applicationId()).isEqualTo("mystocks-indicators");
        assertThat(settings.numStreamThreads()).isEqualTo(1);
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.historySize()).isEqualTo(300);
        assertThat(settings.emitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.emitBudget()).isEqualTo(Duration.ofMillis(10));
        assertThat(settings.grace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.replicationFactor()).isEqualTo(1);
        assertThat(settings.indicatorSet()).isSameAs(IndicatorSet.standard());
        assertThat(settings.instanceId()).isNull();
        assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.leaveGroupOnClose()).isTrue();
    }

    @Test
    void configuredIndicatorsReplaceTheStandardSet() {
        StreamsSettings settings = withIndicators(300, List.of("MA:timeperiod=7", "boll"));

        assertThat(settings.indicatorSet().instances()).extracting(IndicatorInstance::key)
                .containsExactly("SMA_7", "BBANDS_20_2_2");
    }

    @Test
    void anUnknownIndicatorIsRefusedAtStartUp() {
        assertThatThrownBy(() -> withIndicators(300, List.of("MA:period=7")))
                .isInstanceOf(IndicatorRequestException.class).hasMessageContaining("timeperiod");
    }

    @Test
    void aHistoryTooShortForTheIndicatorsIsRefused() {
        assertThatThrownBy(() -> withIndicators(30, List.of("SMA:timeperiod=60")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history-size 30");
    }

    private static StreamsSettings withIndicators(int historySize, List<String> indicators) {
        return new StreamsSettings("127.0.0.1:9092", null, null, null, null, historySize, null, null, null, null, null,
                null, indicators, null, null, null, null);
    }

    @Test
    void aZeroEmitIntervalIsRefusedByName() {
        assertThatThrownBy(() -> new StreamsSettings("127.0.0.1:9092", null, null, null, null, null, Duration.ZERO,
                null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mystocks.streams.emit-interval");
    }

    @Test
    void aHeartbeatNoShorterThanTheSessionIsRefused() {
        assertThatThrownBy(() -> new StreamsSettings("127.0.0.1:9092", null, null, null, null, null, null, null, null,
                null, null, null, null, null, Duration.ofSeconds(6), Duration.ofSeconds(6), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mystocks.streams.heartbeat-interval");
    }
}
