package io.mystocks.api.push;

import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import reactor.core.scheduler.Schedulers;

/** The realtime hub (fed by the read model as a market listener), its sweeper, meters and WebSocket. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushProperties.class)
class PushConfiguration {
    static final String WEBSOCKET_PATH = "/ws/market";

    @Bean
    PushHub pushHub(PushProperties properties, Clock clock) {
        return new PushHub(properties, clock, Schedulers.parallel());
    }

    @Bean
    PushSweeper pushSweeper(PushHub hub, PushProperties properties) {
        return new PushSweeper(hub, properties);
    }

    @Bean
    PushMetrics pushMetrics(PushHub hub) {
        return new PushMetrics(hub);
    }

    @Bean
    MarketWebSocketHandler marketWebSocketHandler(PushHub hub, Clock clock, PushProperties properties) {
        return new MarketWebSocketHandler(hub, clock, properties);
    }

    @Bean
    SimpleUrlHandlerMapping webSocketMapping(MarketWebSocketHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(WEBSOCKET_PATH, handler), Ordered.HIGHEST_PRECEDENCE);
    }
}
