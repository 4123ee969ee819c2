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
        for (int i = 0; i < 100_000; i++) {
            EquityPoint point = EquityPoint.of(day.plusDays(i % 10_000), 1e6 * (1 + Math.sin(i)) * Math.exp(i % 9),
                    Math.abs(Math.cos(i * 7.0)) / Math.exp(i % 11));
            PlainPoint plain = new PlainPoint(point.date(), point.equity(), point.drawdown());

            assertThat(Json.mapper().writeValueAsString(point)).isEqualTo(Json.mapper().writeValueAsString(plain));
        }
    }

    @Test
    void roundsTheEquityToCentsAndTheDrawdownToMillionths() {
        EquityPoint point = EquityPoint.of(LocalDate.of(2024, 1, 2), 1_234_567.891, 0.349_048_898);

        assertThat(Json.mapper().writeValueAsString(point))
                .isEqualTo("{\"date\":\"2024-01-02\",\"equity\":1234567.89,\"drawdown\":0.349049}");
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
                new PlainPoint(null, 1.0, 0.25),
                new PlainPoint(LocalDate.of(2024, 1, 2), 9_999_999.99, 0.001),
                new PlainPoint(LocalDate.of(2024, 1, 2), 10_000_000.0, 0.000999),
                new PlainPoint(LocalDate.of(2024, 1, 2), 0.01, 0.999999),
                new PlainPoint(LocalDate.of(2024, 1, 2), -1_000.5, -0.000001),
                new PlainPoint(LocalDate.of(2024, 1, 2), 0.0, -0.0),
                new PlainPoint(LocalDate.of(2024, 1, 2), 100.1, 1.0E-6),
                new PlainPoint(LocalDate.of(2024, 1, 2), 7.0, 0.12));
    }

    private static String json(PlainPoint plain) {
        return Json.mapper().writeValueAsString(new EquityPoint(plain.date(), plain.equity(), plain.drawdown()));
    }
}
