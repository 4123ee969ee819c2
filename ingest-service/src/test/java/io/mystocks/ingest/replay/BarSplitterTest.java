package io.mystocks.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Market;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarSplitterTest {
    private static final Instant START = Instant.parse("2026-12-01T14:30:00Z");

    @Test
    void fallingBarVisitsItsHighBeforeItsLow() {
        List<Tape.Print> prints = BarSplitter.split(bar("10.00", "10.50", "9.00", "9.20", 400, null), 1, Market.US);

        assertThat(prints).extracting(print -> print.price().toPlainString())
                .containsExactly("10.00", "10.50", "9.00", "9.20");
    }

    @Test
    void risingBarVisitsItsLowBeforeItsHigh() {
        List<Tape.Print> prints = BarSplitter.split(bar("10.00", "10.50", "9.00", "10.20", 400, null), 1, Market.US);

        assertThat(prints).extracting(print -> print.price().toPlainString())
                .containsExactly("10.00", "9.00", "10.50", "10.20");
    }

    @Test
    void printsSitAtFixedFractionsOfTheBar() {
        List<Tape.Print> prints = BarSplitter.split(bar("10", "11", "9", "10", 4, null), 1, Market.US);

        assertThat(prints).extracting(Tape.Print::recordedAt).containsExactly(START, START.plusSeconds(100),
                START.plusSeconds(200), START.plusSeconds(285));
    }

    @Test
    void volumeIsSplitInWholeLotsWithOddSharesOnTheClose() {
        List<Tape.Print> prints = BarSplitter.split(bar("10", "11", "9", "10", 1050, null), 100, Market.CN);

        assertThat(prints).extracting(Tape.Print::volume).containsExactly(300L, 300L, 200L, 250L);
    }

    @Test
    void givenAmountIsSplitInProportionToVolumeAndAddsUpExactly() {
        List<Tape.Print> prints = BarSplitter.split(bar("10", "11", "9", "10", 700, "7001.01"), 100, Market.CN);

        BigDecimal total = prints.stream().map(Tape.Print::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("7001.01");
        assertThat(prints.getFirst().amount()).isEqualByComparingTo("2000.29");
    }

    @Test
    void missingAmountIsPriceTimesVolumeOfEachPrint() {
        List<Tape.Print> prints = BarSplitter.split(bar("10", "11", "9", "10", 4, null), 1, Market.US);

        assertThat(prints).extracting(Tape.Print::amount).extracting(BigDecimal::toPlainString)
                .containsExactly("10.00", "9.00", "11.00", "10.00");
    }

    @Test
    void dailyBarOfAChineseSymbolPlaysInsideBothSessions() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        BarSplitter.SourceBar daily = new BarSplitter.SourceBar("600519", START, null, day, new BigDecimal("10"),
                new BigDecimal("11"), new BigDecimal("9"), new BigDecimal("10"), 400, null);

        List<Tape.Print> prints = BarSplitter.split(daily, 100, Market.CN);

        assertThat(prints).extracting(print -> LocalDateTime.ofInstant(print.recordedAt(), Market.CN.zone())
                .toLocalTime().toString()).containsExactly("09:30", "10:50", "13:40", "14:48");
    }

    private static BarSplitter.SourceBar bar(String open, String high, String low, String close, long volume,
                                             String amount) {
        return new BarSplitter.SourceBar("AAPL", START, Duration.ofMinutes(5), null, new BigDecimal(open),
                new BigDecimal(high), new BigDecimal(low), new BigDecimal(close), volume,
                amount == null ? null : new BigDecimal(amount));
    }
}
