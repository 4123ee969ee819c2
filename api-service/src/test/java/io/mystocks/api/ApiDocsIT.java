package io.mystocks.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.web.ReadRoutes;
import io.mystocks.contracts.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The documentation is served from the jar and covers every route the service handles. */
class ApiDocsIT extends OfflineApplication {

    @Autowired
    private WebTestClient client;

    @Autowired
    private ApplicationContext context;

    @Test
    void everyRouteTheServiceHandlesIsInTheOpenApiDocument() {
        JsonNode paths = openApi().get("paths");
        Set<String> routes = routes();

        List<String> missing = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            if (!paths.has(path) || !paths.get(path).has(method)) {
                missing.add(route);
            }
        }

        assertThat(routes).hasSizeGreaterThan(20).contains("GET /api/data/stock/{symbol}", "GET /ws/market",
                "GET /metrics", "DELETE /api/cache", "GET /openapi.json", "GET /api/docs");
        assertThat(missing).as("routes missing from /openapi.json").isEmpty();
    }

    @Test
    void everyRouteTheFastLaneAnswersIsMappedInSpringTooAndSoDocumented() {
        Set<String> routes = routes();

        List<String> fast = context.getBeansOfType(ReadRoutes.class).values().stream()
                .flatMap(source -> source.readRoutes().stream()).map(route -> "GET " + route.template()).toList();

        assertThat(fast).hasSizeGreaterThanOrEqualTo(13).contains("GET /api/data/kline/{symbol}", "GET /health");
        assertThat(routes).containsAll(fast);
    }

    @Test
    void documentDescribesTheEnvelopeInSnakeCaseAndTheErrorAnswers() {
        JsonNode api = openApi();

        JsonNode envelope = api.at("/components/schemas/EnvelopeRealtimeQuote/properties");
        JsonNode kline = api.at("/paths/~1api~1data~1kline~1{symbol}/get");

        assertThat(envelope.has("request_id")).isTrue();
        assertThat(api.at("/components/schemas/RealtimeQuote/properties").has("change_percent")).isTrue();
        assertThat(kline.get("summary").asString()).isNotBlank();
        assertThat(kline.at("/responses/400/content/application~1json/schema/$ref").asString())
                .endsWith("/ErrorEnvelope");
        assertThat(kline.get("parameters").findValuesAsString("name")).contains("symbol", "interval", "limit");
    }

    @Test
    void redocIsAPageOfOurOwnLoadingTheBundleFromTheJar() {
        String page = client.get().uri("/api/redoc").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        String bundle = page.replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");

        assertThat(page).contains("<redoc spec-url=\"/openapi.json\">").doesNotContain("http");
        assertThat(bundle).isEqualTo("/webjars/redoc/2.1.4/bundles/redoc.standalone.js");
        client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri(bundle).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js).contains("Redoc"));
    }

    @Test
    void swaggerUiIsServedFromTheJarUnderThePolicyOfSelf() {
        String location = client.get().uri("/api/docs").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        client.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").doesNotContain("http"))
                .expectBody(String.class).value(html -> assertThat(html).contains("swagger-ui"));
        client.get().uri("/openapi.json/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/openapi.json");
    }

    @Test
    void metricsIncludeRequestTimersAndTheServicesOwnMeters() {
        client.get().uri("/api/strategies").exchange().expectStatus().isOk();

        String text = client.get().uri("/metrics").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(text).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/strategies\"")
                .contains("mystocks_read_model_lag_records", "mystocks_read_model_entries{",
                        "mystocks_push_connections{", "mystocks_push_skipped_total",
                        "mystocks_rate_limit_clients", "jvm_memory_used_bytes");
    }

    private JsonNode openApi() {
        String json = client.get().uri("/openapi.json").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return Json.mapper().readTree(json);
    }

    /** "METHOD /path" of every route in every handler mapping, paths as OpenAPI writes them. */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, method) -> {
                    if (!isDocumentationMachinery(info, method)) {
                        add(routes, info.getMethodsCondition().getMethods().stream().map(Enum::name).toList(),
                                info.getPatternsCondition().getPatterns());
                    }
                }));
        context.getBeansOfType(RouterFunctionMapping.class).values().stream()
                .map(RouterFunctionMapping::getRouterFunction).filter(f -> f != null)
                .forEach(function -> function.accept(new RouteCollector(routes)));
        context.getBeansOfType(SimpleUrlHandlerMapping.class).values().forEach(mapping -> mapping.getUrlMap()
                .forEach((url, handler) -> {
                    if (!(handler instanceof ResourceWebHandler)) {
                        routes.add("GET " + url);
                    }
                }));
        return routes;
    }

    /** The endpoints Swagger UI itself reads (its configuration, a YAML copy) are not API routes. */
    private static boolean isDocumentationMachinery(RequestMappingInfo info, HandlerMethod method) {
        boolean springdoc = method.getBeanType().getPackageName().startsWith("org.springdoc");
        return springdoc && info.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                .noneMatch(p -> p.equals("/openapi.json") || p.equals("/api/docs"));
    }

    private static void add(Set<String> routes, List<String> methods, Set<PathPattern> patterns) {
        List<String> all = methods.isEmpty() ? List.of("GET") : methods;
        for (PathPattern pattern : patterns) {
            String path = pattern.getPatternString().replace("/**", "/{path}").replaceAll("\\{\\*(\\w+)}", "{$1}");
            all.forEach(method -> routes.add(method + " " + path));
        }
    }

    /** Collects the routes of functional endpoints, should any be added. */
    private static final class RouteCollector implements RouterFunctions.Visitor, RequestPredicates.Visitor {
        private final Set<String> routes;
        private final List<String> methods = new ArrayList<>();
        private final List<String> paths = new ArrayList<>();

        RouteCollector(Set<String> routes) {
            this.routes = routes;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            methods.clear();
            paths.clear();
            predicate.accept(this);
            for (String path : paths) {
                (methods.isEmpty() ? List.of("GET") : methods).forEach(m -> routes.add(m + " " + path));
            }
        }

        @Override
        public void method(Set<HttpMethod> httpMethods) {
            httpMethods.forEach(m -> methods.add(m.name()));
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void startNested(RequestPredicate predicate) {
        }

        @Override
        public void endNested(RequestPredicate predicate) {
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
