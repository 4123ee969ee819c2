package io.mystocks.worker.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Json;
import io.mystocks.worker.backtest.BacktestResult.EquityPoint;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EquityPointSerializerTest {

    /** The same components without the serializer: what the shared mapper writes for such a record. */
    record PlainPoint(LocalDate date, double equity, double drawdown) {
    }

    @ParameterizedTest
    @MethodSource("edgeCases")
    void writesAPointAsTheSharedMapperWritesTheRecord(PlainPoint plain) {
        assertThat(json(plain)).isEqualTo(Json.mapper().writeValueAsString(plain));
    }

    @Test
    void writesEveryPointOfACurveAsTheSharedMapperWritesTheRecord() {
        LocalDate day = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < 1_000; i++) {
            PlainPoint plain = new PlainPoint(day.plusDays(i), Math.round(1e6 * (1 + Math.sin(i)) * 100) / 100.0,
                    Math.abs(Math.cos(i * 7.0)) / 3);

            assertThat(json(plain)).isEqualTo(Json.mapper().writeValueAsString(plain));
        }
    }

    static List<PlainPoint> edgeCases() {
        return List.of(
                new PlainPoint(LocalDate.of(2024, 1, 2), 1_000_000.0, 0.0),
                new PlainPoint(LocalDate.of(1999, 12, 31), 12_345_678.91, 0.08123456789012345),
                new PlainPoint(LocalDate.of(2013, 7, 9), 987.65, 1e-17),
                new PlainPoint(LocalDate.of(999, 5, 6), -0.0, -12.5),
                new PlainPoint(LocalDate.of(0, 1, 1), Double.NaN, Double.POSITIVE_INFINITY),
                new PlainPoint(LocalDate.of(10_000, 1, 1), 1.0, 1.0),
                new PlainPoint(LocalDate.of(-1, 3, 4), 2.5e-3, 0.5),
                new PlainPoint(null, 1.0, 0.25));
    }

    private static String json(PlainPoint plain) {
        return Json.mapper().writeValueAsString(new EquityPoint(plain.date(), plain.equity(), plain.drawdown()));
    }
}
