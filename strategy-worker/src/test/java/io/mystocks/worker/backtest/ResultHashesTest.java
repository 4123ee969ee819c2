package io.mystocks.worker.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.worker.market.BarSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hashes of known inputs, pinned: a rerun on a later version of the worker must be able to show that
 * it used the same inputs and data and made the same trades, so no change to how backtests compute may
 * move them.
 */
class ResultHashesTest {

    @Test
    void keepsTheHashesOfAMovingAverageCrossOverAppleAsAUsStock() {
        BacktestResult result = AppleBacktestTest.run("AAPL", TestBars.apple("AAPL"), Map.of());

        assertThat(result.hashes()).isEqualTo(new BacktestResult.Hashes(
                "82d3c8215c921e90210631b386ce51fc55c31efaeb60349f2a05452d7c8bec86",
                "17ca4916635f6e757fb0b9b1f8598803c0b3793fd982dd67d9435e83b625cf99",
                "214230110bf32d1379338ae26873262ff82f2bcb49b6756150aad02faf7d73d9"));
    }

    @Test
    void keepsTheHashesOfAMovingAverageCrossUnderChineseRules() {
        BacktestResult result = AppleBacktestTest.run("600519", TestBars.apple("600519"), Map.of("min_commission", 5));

        assertThat(result.hashes()).isEqualTo(new BacktestResult.Hashes(
                "8a1912711cfc0918ad54f20f079957bef98a6a16f3f19a7ee5b1e2f6c5ec97e9",
                "84f9046b599190a04b99e191a0ae535067abf2de6063082e7999831032ed0a02",
                "3247ab3498096f7ac8cdd30dca63d09b473546905f59a3a1677d191eb471b0cb"));
    }

    @Test
    void keepsTheHashesOfATwoSymbolMacdCrossOverADateRange() {
        List<Bar> cn = TestBars.randomWalk("600000", LocalDate.of(2020, 1, 6), 600, 7);
        List<Bar> us = TestBars.randomWalk("MSFT", LocalDate.of(2020, 3, 2), 500, 11);
        BarSource source = (symbol, interval) -> symbol.equals("600000") ? cn : symbol.equals("MSFT") ? us : List.of();

        BacktestResult result = Backtests.run("macd_cross", Map.of("symbols", List.of("600000", "MSFT"),
                "start_date", "2020-06-01", "end_date", "2021-12-31"), source);

        assertThat(result.trades()).hasSize(28);
        assertThat(result.hashes()).isEqualTo(new BacktestResult.Hashes(
                "c3969ad01d427d628d5ef4a17afa223b38b339ed71b7d91c0e4ae4313953950a",
                "c7fce8fca6a9a440d823ec3ccb2329f51a2ed3ae34c501b80fc8104de8c1979f",
                "59d3fcec8e7403e39c37e9c325e41171d8a36cbec133f28a047e31e0bdbacd31"));
    }
}
