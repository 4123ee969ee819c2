package io.mystocks.indicators.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import io.mystocks.contracts.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormingBarTest {
    private static final Instant OPEN = Instant.parse("2026-03-02T01:30:00Z");
    private static final BarWindow MINUTE = BarAlignment.window(Interval.M1, Market.CN, OPEN);

    @Test
    void theFirstQuoteSetsEveryPrice() {
        Bar bar = FormingBar.open(quote(5, "100.00", 100, "10000.00"), Interval.M1, MINUTE).bar();

        assertThat(bar.open()).isEqualByComparingTo("100.00");
        assertThat(bar.high()).isEqualByComparingTo("100.00");
        assertThat(bar.low()).isEqualByComparingTo("100.00");
        assertThat(bar.close()).isEqualByComparingTo("100.00");
        assertThat(bar.volume()).isEqualTo(100);
        assertThat(bar.trades()).isEqualTo(1);
        assertThat(bar.closed()).isFalse();
        assertThat(bar.key()).isEqualTo("600519|2026-03-02T01:30:00Z");
    }

    @Test
    void laterQuotesMoveHighLowCloseAndAddUpVolumeAmountAndTrades() {
        FormingBar bar = FormingBar.open(quote(5, "100.00", 100, "10000.00"), Interval.M1, MINUTE)
                .apply(quote(20, "101.50", 200, "20300.00"))
                .apply(quote(40, "99.80", 300, "29940.00"))
                .apply(quote(59, "100.20", 100, "10020.00"));

        assertThat(bar.bar().open()).isEqualByComparingTo("100.00");
        assertThat(bar.bar().high()).isEqualByComparingTo("101.50");
        assertThat(bar.bar().low()).isEqualByComparingTo("99.80");
        assertThat(bar.bar().close()).isEqualByComparingTo("100.20");
        assertThat(bar.bar().volume()).isEqualTo(700);
        assertThat(bar.bar().amount()).isEqualByComparingTo("70260.00");
        assertThat(bar.bar().trades()).isEqualTo(4);
    }

    @Test
    void aQuoteArrivingOutOfOrderInsideTheBarSetsOpenOrCloseOnlyByItsTime() {
        FormingBar bar = FormingBar.open(quote(30, "100.00", 1, "100"), Interval.M1, MINUTE)
                .apply(quote(50, "102.00", 1, "102"))
                .apply(quote(10, "99.00", 1, "99"))
                .apply(quote(40, "101.00", 1, "101"));

        assertThat(bar.bar().open()).isEqualByComparingTo("99.00");
        assertThat(bar.bar().close()).isEqualByComparingTo("102.00");
        assertThat(bar.firstQuoteAt()).isEqualTo(OPEN.plusSeconds(10));
        assertThat(bar.lastQuoteAt()).isEqualTo(OPEN.plusSeconds(50));
    }

    @Test
    void aClosedBarTakesNoMoreQuotes() {
        FormingBar closed = FormingBar.open(quote(5, "100.00", 1, "100"), Interval.M1, MINUTE).close();

        assertThat(closed.closed()).isTrue();
        assertThat(closed.accepts(OPEN.plusSeconds(30))).isFalse();
        assertThatThrownBy(() -> closed.apply(quote(30, "100.00", 1, "100")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closed");
    }

    @Test
    void theBarAcceptsItsOpenTimeButNotItsCloseTime() {
        FormingBar bar = FormingBar.open(quote(0, "100.00", 1, "100"), Interval.M1, MINUTE);

        assertThat(bar.accepts(OPEN)).isTrue();
        assertThat(bar.accepts(OPEN.plusSeconds(60))).isFalse();
        assertThat(bar.accepts(OPEN.minusMillis(1))).isFalse();
    }

    private static Quote quote(int second, String price, long volume, String amount) {
        return new Quote("600519", OPEN.plusSeconds(second), new BigDecimal(price), volume, new BigDecimal(amount),
                "test");
    }
}
