package io.mystocks.worker.backtest;

import io.mystocks.worker.strategy.Strategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the backtests with the strategy catalogue. */
@Configuration(proxyBeanMethods = false)
class BacktestConfiguration {

    @Bean
    Strategy maCrossBacktest() {
        return new BacktestStrategy(RuleBook.MA_CROSS);
    }

    @Bean
    Strategy emaCrossBacktest() {
        return new BacktestStrategy(RuleBook.EMA_CROSS);
    }

    @Bean
    Strategy macdCrossBacktest() {
        return new BacktestStrategy(RuleBook.MACD_CROSS);
    }

    @Bean
    Strategy rsiReversionBacktest() {
        return new BacktestStrategy(RuleBook.RSI_REVERSION);
    }

    @Bean
    Strategy bollingerReversionBacktest() {
        return new BacktestStrategy(RuleBook.BOLLINGER_REVERSION);
    }

    @Bean
    Strategy donchianBreakoutBacktest() {
        return new BacktestStrategy(RuleBook.DONCHIAN_BREAKOUT);
    }

    @Bean
    Strategy kdjCrossBacktest() {
        return new BacktestStrategy(RuleBook.KDJ_CROSS);
    }
}
