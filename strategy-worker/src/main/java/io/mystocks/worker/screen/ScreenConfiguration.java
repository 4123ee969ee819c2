package io.mystocks.worker.screen;

import io.mystocks.worker.strategy.Strategy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the screens with the strategy catalogue. */
@Configuration(proxyBeanMethods = false)
class ScreenConfiguration {

    @Bean
    Strategy valueScreen(Clock clock) {
        return Screens.value(clock);
    }

    @Bean
    Strategy growthScreen(Clock clock) {
        return Screens.growth(clock);
    }

    @Bean
    Strategy balancedScreen(Clock clock) {
        return Screens.balanced(clock);
    }

    @Bean
    Strategy momentumScreen(Clock clock) {
        return Screens.momentum(clock);
    }

    @Bean
    Strategy lowVolatilityScreen(Clock clock) {
        return Screens.lowVolatility(clock);
    }
}
