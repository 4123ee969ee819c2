package io.mystocks.api.docs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /openapi.json}: the controllers' own annotations, plus what
 * annotations cannot say: the error envelope every operation may answer with, and the routes no
 * controller serves (the WebSocket, the documentation pages themselves).
 */
@Configuration(proxyBeanMethods = false)
class DocsConfiguration {
    static final String ERROR_ENVELOPE = "ErrorEnvelope";
    private static final String ERROR_REF = "#/components/schemas/" + ERROR_ENVELOPE;
    private static final Map<String, String> ERRORS = Map.of(
            "400", "the request is invalid; errors lists every problem",
            "403", "a change under /api/ without a valid X-CSRF-Token, or a rejected cross-origin request",
            "404", "no such route, symbol or job",
            "429", "over this replica's per-client rate; see Retry-After and X-RateLimit-*",
            "500", "an unforeseen fault; quote the request id",
            "503", "a dependency (Kafka, Redis) is unavailable or the read model is loading; see Retry-After");

    @Bean
    OpenAPI mystocksOpenApi() {
        return new OpenAPI().info(new Info().title("MyStocks API").version("1")
                .description("""
                        Market data, realtime push and strategy jobs of MyStocks Streams. Every JSON answer is \
                        an envelope: {success, code, message, data, request_id, timestamp}, with errors \
                        [{field, code, message}] when fields were wrong. code is 0 on success and the HTTP \
                        status otherwise. POST, PUT, PATCH and DELETE under /api/ need an X-CSRF-Token header \
                        from GET /api/csrf-token."""));
    }

    /**
     * Documents property names as the API writes them, snake_case: the schema generator has a Jackson
     * mapper of its own, which does not see the application's naming strategy.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    ReplySchemas replySchemas() {
        return new ReplySchemas();
    }

    @Bean
    OpenApiCustomizer mystocksOpenApiCustomizer() {
        return openApi -> {
            openApi.getComponents().addSchemas(ERROR_ENVELOPE, errorEnvelope());
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(DocsConfiguration::errors));
            openApi.getPaths().addPathItem("/ws/market", new PathItem().get(webSocket()));
            openApi.getPaths().addPathItem("/openapi.json", new PathItem().get(new Operation()
                    .addTagsItem("operations").summary("This OpenAPI document")
                    .responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                            .description("the OpenAPI 3 document")))));
            openApi.getPaths().addPathItem("/api/docs", new PathItem().get(new Operation()
                    .addTagsItem("operations").summary("Swagger UI over this document, from the jar (no CDN)")
                    .responses(new ApiResponses().addApiResponse("302", new ApiResponse()
                            .description("redirect to the Swagger UI page")))));
        };
    }

    private static void errors(Operation operation) {
        ApiResponses responses = operation.getResponses();
        ERRORS.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description)
                        .content(new Content().addMediaType("application/json",
                                new MediaType().schema(new Schema<>().$ref(ERROR_REF)))));
            }
        });
    }

    private static Schema<?> errorEnvelope() {
        Schema<?> violation = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the parameter, header or body field"))
                .addProperty("code", new StringSchema().description("a stable reason, such as OUT_OF_RANGE"))
                .addProperty("message", new StringSchema().description("what was wrong and how to fix it"));
        return new ObjectSchema().description("the envelope of every error answer")
                .addProperty("success", new BooleanSchema().example(false))
                .addProperty("code", new IntegerSchema().description("the HTTP status").example(400))
                .addProperty("message", new StringSchema())
                .addProperty("data", new ObjectSchema().nullable(true).description("null, except for a degraded "
                        + "health report"))
                .addProperty("request_id", new StringSchema().description("also the X-Request-ID header"))
                .addProperty("timestamp", new StringSchema().example("2026-12-03T10:15:30.123Z"))
                .addProperty("errors", new ArraySchema().items(violation));
    }

    private static Operation webSocket() {
        return new Operation().addTagsItem("realtime")
                .summary("Realtime quotes, bars and indicators over WebSocket")
                .description("""
                        Upgrade to a WebSocket, then send {"action": "subscribe", "symbol": "600519", \
                        "channels": ["quotes", "bars:1m"]} (or "symbols": [...]; optional "last_event_id" to \
                        resume), {"action": "unsubscribe", ...} or {"action": "ping"}. Replies are \
                        {"type": "subscribed" | "unsubscribed" | "pong" | "error", ...}; data frames are \
                        {"type": "quote" | "bar" | "indicator" | "reset", "channel", "symbol", "id", "skipped", \
                        "data"}. A client too slow to read for the stall timeout is closed with 1008.""")
                .parameters(List.of(new Parameter().in("header").name("Upgrade").required(true)
                        .schema(new StringSchema()._enum(List.of("websocket")))))
                .responses(new ApiResponses()
                        .addApiResponse("101", new ApiResponse().description("switched to the WebSocket protocol"))
                        .addApiResponse("400", new ApiResponse().description("not a WebSocket upgrade request")));
    }
}
