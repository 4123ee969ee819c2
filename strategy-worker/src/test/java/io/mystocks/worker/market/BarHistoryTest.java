package io.mystocks.worker.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarHistoryTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2024, 3, 4);

    @Test
    void keepsBarsInTimeOrderWhateverOrderTheyArriveIn() {
        BarHistory history = new BarHistory("600519", Interval.D1, 10);

        history.put(bar(2, "12"));
        history.put(bar(0, "10"));
        history.put(bar(1, "11"));

        assertThat(history.bars()).extracting(Bar::tradingDay)
                .containsExactly(DAY, DAY.plusDays(1), DAY.plusDays(2));
    }

    @Test
    void keepsOnlyTheMostRecentBarsUpToItsCapacity() {
        BarHistory history = new BarHistory("600519", Interval.D1, 3);

        for (int i = 0; i < 5; i++) {
            history.put(bar(i, "10"));
        }
        history.put(bar(0, "10"));

        assertThat(history.bars()).extracting(Bar::tradingDay)
                .containsExactly(DAY.plusDays(2), DAY.plusDays(3), DAY.plusDays(4));
    }

    @Test
    void replacesABarOfTheSameOpenTimeAndRemovesOnATombstone() {
        BarHistory history = twoBars(10);

        history.put(bar(0, "10.5"));
        history.remove(bar(1, "11").openTime());

        assertThat(history.bars()).singleElement()
                .satisfies(b -> assertThat(b.close()).isEqualByComparingTo("10.5"));
    }

    @Test
    void handsOutOneCopyWithItsVersionUntilTheBarsChange() {
        BarHistory history = twoBars(10);
        ClosedBars first = history.closed();

        history.put(bar(1, "11"));
        ClosedBars afterReplay = history.closed();
        history.put(bar(1, "11.5"));
        ClosedBars afterChange = history.closed();
        history.remove(bar(0, "10").openTime());
        ClosedBars afterRemoval = history.closed();

        assertThat(afterReplay).as("an equal bar again changes nothing").isSameAs(first);
        assertThat(first.version()).isSameAs(afterReplay.version())
                .isEqualTo(DataVersion.of("600519", Interval.D1, first.bars()));
        assertThat(afterChange).isNotSameAs(first);
        assertThat(afterChange.version()).isNotEqualTo(first.version());
        assertThat(afterRemoval.bars()).singleElement()
                .satisfies(b -> assertThat(b.close()).isEqualByComparingTo("11.5"));
        assertThat(afterRemoval.version().bars()).isEqualTo(1);
    }

    @Test
    void handsOutANewCopyWhenABarFallsOffAFullHistory() {
        BarHistory history = twoBars(2);
        ClosedBars full = history.closed();

        history.put(bar(2, "12"));

        assertThat(history.closed()).isNotSameAs(full);
        assertThat(history.closed().version().firstDate()).isEqualTo(DAY.plusDays(1));
    }

    @Test
    void versionsEqualBarsAlikeAndDifferentBarsApart() {
        List<Bar> bars = List.of(bar(0, "10.50"), bar(1, "11"));
        List<Bar> same = List.of(bar(0, "10.5"), bar(1, "11.00"));
        List<Bar> other = List.of(bar(0, "10.5"), bar(1, "11.01"));

        DataVersion version = DataVersion.of("600519", Interval.D1, bars);

        assertThat(DataVersion.of("600519", Interval.D1, same)).isEqualTo(version);
        assertThat(DataVersion.of("600519", Interval.D1, other).sha256()).isNotEqualTo(version.sha256());
        assertThat(version.bars()).isEqualTo(2);
        assertThat(version.firstDate()).isEqualTo(DAY);
        assertThat(version.lastDate()).isEqualTo(DAY.plusDays(1));
        assertThat(version.lastOpenTime()).isEqualTo(bars.getLast().openTime());
    }

    /** A history holding the bars of the first two days, closing at 10 and 11. */
    private static BarHistory twoBars(int capacity) {
        BarHistory history = new BarHistory("600519", Interval.D1, capacity);
        history.put(bar(0, "10"));
        history.put(bar(1, "11"));
        return history;
    }

    private static Bar bar(int day, String close) {
        LocalDate date = DAY.plusDays(day);
        BigDecimal price = new BigDecimal(close);
        return new Bar("600519", Interval.D1, date.atStartOfDay(SHANGHAI).toInstant(),
                date.plusDays(1).atStartOfDay(SHANGHAI).toInstant(), date, price, price, price, price, 100, price,
                1, true);
    }
}
