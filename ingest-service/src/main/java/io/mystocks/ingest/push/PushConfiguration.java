package io.mystocks.ingest.push;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.mystocks.ingest.kafka.TopicProvisioner;
import io.mystocks.ingest.publish.QuotePublisher;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "mystocks.push.enabled", matchIfMissing = true)
class PushConfiguration {
    static final String PATH = "/api/ingest/quotes";

    @Bean
    QuotePushHandler quotePushHandler(QuotePublisher publisher, PushProperties settings, TopicProvisioner topics,
                                      Clock clock) {
        return new QuotePushHandler(publisher, settings, topics::provisioned, clock);
    }

    @Bean
    RouterFunction<ServerResponse> quotePushRoute(QuotePushHandler handler) {
        return routes(handler);
    }

    static RouterFunction<ServerResponse> routes(QuotePushHandler handler) {
        return route(POST(PATH), handler::push);
    }
}
