package io.mystocks.worker.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Bar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailyClosesTest {

    @Test
    void readsTheClosesOldestFirstWithTheLatestZeroBarsAgo() {
        List<Bar> bars = TestCloses.dailyBars("AAPL", 10, 11, 12.5);

        DailyCloses closes = DailyCloses.of(bars).orElseThrow();

        assertThat(closes.size()).isEqualTo(3);
        assertThat(closes.barsAgo(0)).isEqualTo(12.5);
        assertThat(closes.barsAgo(2)).isEqualTo(10);
    }

    @ParameterizedTest(name = "closed {0}, close {1}")
    @CsvSource({"false, 99", "true, 0"})
    void leavesOutAFormingBarAndABarWithoutAPositiveClose(boolean closed, double close) {
        List<Bar> bars = new ArrayList<>(TestCloses.dailyBars("AAPL", 10, 11));
        bars.add(TestCloses.dailyBar("AAPL", TestCloses.FIRST_DAY.plusDays(2), close, closed));

        DailyCloses closes = DailyCloses.of(bars).orElseThrow();

        // A forming bar may still change, so the screens measure as of the latest closed one.
        assertThat(closes.size()).isEqualTo(2);
        assertThat(closes.barsAgo(0)).isEqualTo(11);
    }

    @Test
    void isEmptyWithoutAnyClosedBar() {
        List<Bar> forming = List.of(TestCloses.dailyBar("AAPL", TestCloses.FIRST_DAY, 10, false));

        assertThat(DailyCloses.of(List.of())).isEmpty();
        assertThat(DailyCloses.of(forming)).isEmpty();
    }

    @Test
    void rejectsACloseThatIsNoPrice() {
        assertThatThrownBy(() -> DailyCloses.of(10, -1)).hasMessage("closes must be positive and finite, not -1.0");
        assertThatThrownBy(() -> DailyCloses.of(1).barsAgo(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
