package io.mystocks.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands out CSRF tokens for the state-changing endpoints. */
@RestController
@Tag(name = "security", description = "CSRF tokens for the state-changing endpoints")
final class CsrfController implements ReadRoutes {
    private final CsrfTokens tokens;
    private final Replies replies;

    CsrfController(CsrfTokens tokens, Replies replies) {
        this.tokens = tokens;
        this.replies = replies;
    }

    @Override
    public List<ReadRoute> readRoutes() {
        return List.of(ReadRoute.of("/api/csrf-token", request -> token()));
    }

    @GetMapping(path = "/api/csrf-token", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A CSRF token for the X-CSRF-Token header, valid for an hour on every replica")
    Reply<CsrfToken> token() {
        CsrfTokens.Issued issued = tokens.issue();
        return replies.ok(new CsrfToken(issued.token(), "csrf", issued.expiresInSeconds()))
                .withHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * @param tokenType  always {@code csrf}: the token goes in the {@code X-CSRF-Token} header
     * @param expiresIn  seconds until the token expires
     */
    record CsrfToken(String csrfToken, String tokenType, long expiresIn) {
    }
}
