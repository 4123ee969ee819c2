package io.mystocks.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.Json;
import io.mystocks.contracts.Market;
import io.mystocks.worker.backtest.Backtests;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedStateTest {
    private static final Instant NOW = Instant.parse("2026-10-01T15:00:00Z");

    @Test
    void writesTheStateAsTheSharedMapperWritesItForEveryReader() {
        JobRequest request = new JobRequest("job-1", "ma_cross", Map.of("symbols", List.of("600519")), NOW, "req-1");
        Object result = Backtests.run("ma_cross", Map.of("symbols", List.of("600519")),
                (symbol, interval) -> zigzag(symbol, 120));
        JobState succeeded = JobState.queued(request).running(NOW, "worker-1").succeeded(NOW.plusMillis(7), result);

        EncodedState encoded = EncodedState.of(succeeded);

        assertThat(new String(encoded.json(), StandardCharsets.UTF_8))
                .isEqualTo(Json.mapper().writeValueAsString(succeeded));
        assertThat(encoded.state()).isSameAs(succeeded);
    }

    /** Closes that rise and fall by turns, so that a moving-average cross trades. */
    private static List<Bar> zigzag(String symbol, int count) {
        ZoneId zone = Market.of(symbol).zone();
        List<Bar> bars = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < count; i++) {
            BigDecimal close = BigDecimal.valueOf(100 + 10 * Math.sin(i / 5.0)).setScale(2, RoundingMode.HALF_UP);
            bars.add(new Bar(symbol, Interval.D1, day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(), day, close, close, close, close, 1_000,
                    close.multiply(BigDecimal.valueOf(1_000)), 10, true));
            day = day.plusDays(1);
        }
        return bars;
    }
}
