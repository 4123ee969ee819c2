package io.mystocks.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.worker.backtest.Backtests;
import io.mystocks.worker.screen.Screens;
import io.mystocks.worker.strategy.ParamSpec;
import io.mystocks.worker.strategy.Strategy;
import io.mystocks.worker.strategy.StrategyCatalog;
import io.mystocks.worker.strategy.StrategyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyListTest {

    @Test
    void shipsTheStrategyListAsAResourceEqualToTheGeneratedOne() throws IOException {
        String resource;
        try (InputStream in = StrategyList.class.getResourceAsStream(StrategyList.RESOURCE)) {
            assertThat(in).as("resource %s", StrategyList.RESOURCE).isNotNull();
            resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(resource)
                .as("regenerate it with: java -cp <worker classpath> io.mystocks.worker.StrategyList")
                .isEqualTo(StrategyList.json());
    }

    @Test
    void listsEveryStrategyTheCatalogueRuns() {
        List<Strategy> strategies = new ArrayList<>(Screens.all(Clock.systemUTC()));
        strategies.addAll(Backtests.all());

        StrategyCatalog catalog = new StrategyCatalog(strategies);

        assertThat(catalog.descriptors()).isEqualTo(StrategyList.descriptors());
        assertThat(catalog.ids()).containsExactly("balanced", "bollinger_reversion", "donchian_breakout",
                "ema_cross", "growth", "kdj_cross", "low_volatility", "ma_cross", "macd_cross", "momentum",
                "rsi_reversion", "value");
    }

    @Test
    void describesEveryParameterWithADefaultInsideItsBounds() {
        for (StrategyDescriptor strategy : StrategyList.descriptors()) {
            assertThat(strategy.kind()).isIn("screen", "backtest");
            assertThat(strategy.description()).isNotBlank();
            for (ParamSpec param : strategy.parameters()) {
                assertThat(param.description()).as(strategy.strategyId() + "." + param.name()).isNotBlank();
                if (param.defaultValue() instanceof Number number && param.min() != null) {
                    BigDecimal value = new BigDecimal(number.toString());
                    assertThat(value).as(strategy.strategyId() + "." + param.name())
                            .isBetween(param.min(), param.max());
                }
            }
        }
    }

    @Test
    void givesBacktestsTheCommonParametersAndTheirDefaults() {
        StrategyDescriptor ma = StrategyList.descriptors().stream()
                .filter(d -> d.strategyId().equals("ma_cross")).findFirst().orElseThrow();

        assertThat(ma.kind()).isEqualTo("backtest");
        assertThat(ma.parameters()).extracting(ParamSpec::name).containsExactly("fast", "slow", "symbols",
                "interval", "start_date", "end_date", "initial_capital", "commission", "min_commission",
                "stamp_tax", "slippage", "risk_free_rate");
        assertThat(ma.parameter("fast").defaultValue()).isEqualTo(5);
        assertThat(ma.parameter("slow").defaultValue()).isEqualTo(20);
        assertThat(ma.parameter("symbols").defaultValue()).isEqualTo(List.of("600519"));
        assertThat((BigDecimal) ma.parameter("commission").defaultValue()).isEqualByComparingTo("0.0003");
        assertThat((BigDecimal) ma.parameter("slippage").defaultValue()).isEqualByComparingTo("0.001");
        assertThat((BigDecimal) ma.parameter("initial_capital").defaultValue()).isEqualByComparingTo("1000000");
    }
}
