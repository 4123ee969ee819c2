package io.mystocks.worker.backtest;

import io.mystocks.worker.strategy.Strategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the backtests with the strategy catalogue; they share one cache of price series. */
@Configuration(proxyBeanMethods = false)
class BacktestConfiguration {

    @Bean
    PriceSeriesCache priceSeriesCache(BacktestProperties backtest) {
        return new PriceSeriesCache(backtest.seriesCacheSize());
    }

    @Bean
    Strategy maCrossBacktest(PriceSeriesCache prices) {
        return new BacktestStrategy(RuleBook.MA_CROSS, prices);
    }

    @Bean
    Strategy emaCrossBacktest(PriceSeriesCache prices) {
        return new BacktestStrategy(RuleBook.EMA_CROSS, prices);
    }

    @Bean
    Strategy macdCrossBacktest(PriceSeriesCache prices) {
        return new BacktestStrategy(RuleBook.MACD_CROSS, prices);
    }

    @Bean
    Strategy rsiReversionBacktest(PriceSeriesCache prices) {
        return new BacktestStrategy(RuleBook.RSI_REVERSION, prices);
    }

    @Bean
    Strategy bollingerReversionBacktest(PriceSeriesCache prices) {
        return new BacktestStrategy(RuleBook.BOLLINGER_REVERSION, prices);
    }

    @Bean
    Strategy donchianBreakoutBacktest(PriceSeriesCache prices) {
        return new BacktestStrategy(RuleBook.DONCHIAN_BREAKOUT, prices);
    }

    @Bean
    Strategy kdjCrossBacktest(PriceSeriesCache prices) {
        return new BacktestStrategy(RuleBook.KDJ_CROSS, prices);
    }
}
