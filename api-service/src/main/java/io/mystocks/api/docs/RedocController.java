package io.mystocks.api.docs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.webjars.WebJarVersionLocator;

/**
 * ReDoc over the OpenAPI document, served from the jar: a small page that loads the standalone
 * bundle of the ReDoc webjar. The bundle finds the {@code <redoc>} element and its {@code spec-url}
 * by itself, so the page has no inline script and the content security policy needs no exception
 * for one.
 */
@RestController
@Tag(name = "operations")
final class RedocController {
    static final String WEBJAR = "redoc";
    static final String BUNDLE = "bundles/redoc.standalone.js";

    private final byte[] page;

    RedocController() {
        this.page = page(bundlePath()).getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping(path = "/api/redoc", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "ReDoc: the API reference as one page, from the jar (no CDN)")
    ResponseEntity<byte[]> redoc() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(page);
    }

    /**
     * The bundle's URL under {@code /webjars/}, with the version the jar on the classpath has.
     *
     * @throws IllegalStateException when the webjar is missing, so the service does not start without it
     */
    static String bundlePath() {
        String version = new WebJarVersionLocator().version(WEBJAR);
        String path = WEBJAR + "/" + version + "/" + BUNDLE;
        if (version == null || !new ClassPathResource(WebJarVersionLocator.WEBJARS_PATH_PREFIX + "/" + path)
                .exists()) {
            throw new IllegalStateException("the ReDoc webjar (org.webjars.npm:redoc) with " + BUNDLE
                    + " is not on the classpath");
        }
        return "/webjars/" + path;
    }

    private static String page(String bundle) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>MyStocks API reference</title>
                </head>
                <body>
                  <redoc spec-url="/openapi.json"></redoc>
                  <script src="%s"></script>
                </body>
                </html>
                """.formatted(bundle);
    }
}
