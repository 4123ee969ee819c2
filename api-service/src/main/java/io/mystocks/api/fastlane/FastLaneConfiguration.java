package io.mystocks.api.fastlane;

import io.mystocks.api.metrics.HttpTimers;
import io.mystocks.api.ratelimit.ClientLimits;
import io.mystocks.api.web.EnvelopeWriter;
import io.mystocks.api.web.ReadRoute;
import io.mystocks.api.web.ReadRoutes;
import io.mystocks.api.web.SecurityHeaders;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fast lane on the Netty server, unless {@code mystocks.http.fast-lane} is false. Its routes are collected
 * once every bean exists: the server is made before the controllers, and until the routes are known (the
 * server does not accept requests before then anyway) Spring answers everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "mystocks.http.fast-lane", matchIfMissing = true)
class FastLaneConfiguration {
    private static final Logger log = LoggerFactory.getLogger(FastLaneConfiguration.class);

    @Bean
    RouteTableHolder fastLaneRoutes(ObjectProvider<ReadRoutes> sources) {
        return new RouteTableHolder(sources);
    }

    @Bean
    FastLane fastLane(RouteTableHolder routes, EnvelopeWriter envelopes, SecurityHeaders securityHeaders,
                      ObjectProvider<ClientLimits> limits, HttpTimers timers) {
        return new FastLane(routes::table, envelopes, securityHeaders, limits.getIfAvailable(), timers);
    }

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> fastLaneServer(FastLane lane) {
        return factory -> factory.addRouteProviders(lane);
    }

    /** The route table, built from every {@link ReadRoutes} bean once all beans exist. */
    static final class RouteTableHolder implements SmartInitializingSingleton {
        private final ObjectProvider<ReadRoutes> sources;
        private volatile RouteTable table;

        RouteTableHolder(ObjectProvider<ReadRoutes> sources) {
            this.sources = sources;
        }

        @Override
        public void afterSingletonsInstantiated() {
            List<ReadRoute> routes = sources.orderedStream().flatMap(source -> source.readRoutes().stream()).toList();
            table = new RouteTable(routes);
            log.info("Fast lane answers {} GET routes: {}", routes.size(),
                    routes.stream().map(ReadRoute::template).sorted().toList());
        }

        RouteTable table() {
            return table;
        }
    }
}
