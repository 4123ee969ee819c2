package io.mystocks.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Hands out CSRF tokens for the state-changing endpoints. */
@RestController
@Tag(name = "security", description = "CSRF tokens for the state-changing endpoints")
final class CsrfController {
    private final CsrfTokens tokens;
    private final Envelopes envelopes;

    CsrfController(CsrfTokens tokens, Envelopes envelopes) {
        this.tokens = tokens;
        this.envelopes = envelopes;
    }

    @GetMapping(path = "/api/csrf-token", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A CSRF token for the X-CSRF-Token header, valid for an hour on every replica")
    ResponseEntity<Envelope<CsrfToken>> token(ServerWebExchange exchange) {
        CsrfTokens.Issued issued = tokens.issue();
        CsrfToken body = new CsrfToken(issued.token(), "csrf", issued.expiresInSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(envelopes.ok(exchange, body));
    }

    /**
     * @param tokenType  always {@code csrf}: the token goes in the {@code X-CSRF-Token} header
     * @param expiresIn  seconds until the token expires
     */
    record CsrfToken(String csrfToken, String tokenType, long expiresIn) {
    }
}
