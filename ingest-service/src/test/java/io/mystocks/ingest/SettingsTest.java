package io.mystocks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.ingest.backfill.BackfillProperties;
import io.mystocks.ingest.push.PushProperties;
import io.mystocks.ingest.replay.ReplayProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class SettingsTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void defaultsMatchTheDocumentation() {
        context.run(started -> {
            PushProperties push = started.getBean(PushProperties.class);
            assertThat(push.enabled()).isTrue();
            assertThat(push.maxRecords()).isEqualTo(1000);
            assertThat(push.maxBytes()).isEqualTo(DataSize.ofMegabytes(1));
            assertThat(push.token()).isNull();
            ReplayProperties replay = started.getBean(ReplayProperties.class);
            assertThat(replay.enabled()).isFalse();
            assertThat(replay.speed()).isEqualTo(1);
            assertThat(replay.files()).isEmpty();
            BackfillProperties backfill = started.getBean(BackfillProperties.class);
            assertThat(backfill.years()).isEqualTo(5);
            assertThat(backfill.minuteDays()).isEqualTo(5);
            assertThat(backfill.symbols()).isEmpty();
            assertThat(backfill.journal().normalize()).isEqualTo(Path.of("data/ingest-service/backfill-journal.jsonl"));
        });
    }

    @Test
    void replayFilesBindWithTheirColumnsAndBlankTokenTurnsTheCheckOff() {
        context.withPropertyValues("mystocks.replay.speed=60", "mystocks.replay.files[0].location=/data/t.csv",
                "mystocks.replay.files[0].symbol=COIN", "mystocks.replay.files[0].columns.volume=amount",
                "mystocks.replay.files[0].volume-scale=1000", "mystocks.replay.files[0].bar-length=5m",
                "mystocks.push.token= ").run(started -> {
                    ReplayProperties.FileSource file = started.getBean(ReplayProperties.class).files().getFirst();
                    assertThat(file.columns()).isEqualTo(Map.of("volume", "amount"));
                    assertThat(file.volumeScale()).isEqualTo(1000);
                    assertThat(file.barLength()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(file.format()).isEqualTo(ReplayProperties.Format.AUTO);
                    assertThat(started.getBean(PushProperties.class).token()).isNull();
                });
    }

    @Test
    void outOfRangeValuesStopTheStartNamingTheKey() {
        context.withPropertyValues("mystocks.backfill.years=0").run(failed -> assertThat(failed).hasFailed()
                .getFailure().hasStackTraceContaining("mystocks.backfill").hasStackTraceContaining("years"));
        context.withPropertyValues("mystocks.replay.speed=-1").run(failed -> assertThat(failed).hasFailed()
                .getFailure().hasStackTraceContaining("speed"));
        context.withPropertyValues("mystocks.push.max-records=0").run(failed -> assertThat(failed).hasFailed()
                .getFailure().hasStackTraceContaining("maxRecords"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PushProperties.class, ReplayProperties.class, BackfillProperties.class})
    static class Settings {
    }
}
