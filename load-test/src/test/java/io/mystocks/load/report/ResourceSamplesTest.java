package io.mystocks.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceSamplesTest {
    @TempDir
    Path dir;

    @Test
    void turnsTicksIntoCpuPercentAndKibibytesIntoMebibytes() throws IOException {
        Path file = Files.writeString(dir.resolve("samples.csv"), """
                # clk_tck=100 cores=2 api_pid=42 stack_pid=41 generator_pid=77
                epoch_ms,api_cpu_ticks,api_rss_kb,stack_cpu_ticks,stack_rss_kb,generator_cpu_ticks,generator_rss_kb,\
                machine_busy_ticks,machine_total_ticks
                1000,100,102400,300,1048576,,,1000,2000
                2000,150,204800,450,1048576,,,1150,2200
                3000,250,204800,700,1048576,,,1400,2400
                """);

        ResourceSamples samples = ResourceSamples.read(file);

        assertThat(samples.header("api_pid")).contains("42");
        assertThat(samples.cpuPercent(ResourceSamples.Process.API).mean()).isEqualTo(75.0);
        assertThat(samples.cpuPercent(ResourceSamples.Process.API).max()).isEqualTo(100.0);
        assertThat(samples.rssMebibytes(ResourceSamples.Process.API).max()).isEqualTo(200.0);
        assertThat(samples.shareOfMachine(ResourceSamples.Process.STACK)).contains(100.0);
        assertThat(samples.cpuPercent(ResourceSamples.Process.GENERATOR).isEmpty()).isTrue();
        assertThat(samples.machineBusyPercent().mean()).isEqualTo(100.0 * (150 + 250) / 2 / 200);
    }

    @Test
    void keepsOnlyTheSamplesOfTheRun() throws IOException {
        Path file = Files.writeString(dir.resolve("samples.csv"), """
                # clk_tck=100
                1000,1,1,1,1,1,1,1,1
                2000,2,2,2,2,2,2,2,2
                3000,3,3,3,3,3,3,3,3
                """);

        ResourceSamples samples = ResourceSamples.read(file).between(1500, 3000);

        assertThat(samples.size()).isEqualTo(2);
    }
}
