package io.mystocks.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.MutableClock;
import io.mystocks.contracts.Json;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The response caches over an in-memory shared level, for the tests of endpoints that cache what they
 * compute.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
public class TestCaches {

    @Bean
    public ResponseCaches responseCaches(CacheProperties properties, MutableClock clock) {
        // Every answer through the shared level, however fast it computes, so that tests can read it back.
        return new ResponseCaches(properties.withL2MinCompute(Duration.ZERO), new FakeSharedCache(), clock, null);
    }

    /**
     * Gets {@code uri} twice, the second time after emptying the in-process level of cache {@code name}, and
     * checks that the second answer came from the shared level and equals the first: what the cache wrote as
     * JSON reads back as the same answer.
     *
     * @return the first answer's {@code data}
     */
    public static JsonNode assertSharedLevelReadsBack(WebTestClient client, ResponseCaches caches, String name,
                                                      String uri) {
        JsonNode computed = data(client, uri);
        ResponseCache cache = caches.cache(name);
        cache.clearLocal();
        long sharedHits = cache.sharedHits();

        JsonNode readBack = data(client, uri);

        assertThat(cache.sharedHits()).as("answers from the shared level").isEqualTo(sharedHits + 1);
        assertThat(readBack).isEqualTo(computed);
        return computed;
    }

    private static JsonNode data(WebTestClient client, String uri) {
        String body = client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return Json.mapper().readTree(body).get("data");
    }
}
