package io.mystocks.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.api.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));
    private final CsrfTokens tokens = new CsrfTokens(new CsrfProperties(SECRET, Duration.ofHours(1)), clock);

    @Test
    void tokenIssuedByOneReplicaIsValidOnAnotherWithTheSameSecret() {
        CsrfTokens otherReplica = new CsrfTokens(new CsrfProperties(SECRET, Duration.ofHours(1)), clock);

        CsrfTokens.Issued issued = tokens.issue();

        assertThat(otherReplica.verify(issued.token())).isEqualTo(CsrfTokens.Verdict.VALID);
        assertThat(issued.expiresInSeconds()).isEqualTo(3600);
    }

    @Test
    void tokenFromAnotherSecretIsInvalid() {
        CsrfProperties otherSecret = new CsrfProperties("another-secret-another-secret-xx", Duration.ofHours(1));
        CsrfTokens stranger = new CsrfTokens(otherSecret, clock);

        String token = stranger.issue().token();

        assertThat(tokens.verify(token)).isEqualTo(CsrfTokens.Verdict.INVALID);
    }

    @Test
    void tokensAreUniqueEvenWithinOneSecond() {
        assertThat(tokens.issue().token()).isNotEqualTo(tokens.issue().token());
    }

    @Test
    void tokenExpiresExactlyAtItsExpiry() {
        String token = tokens.issue().token();

        clock.advance(Duration.ofSeconds(3599));
        CsrfTokens.Verdict justBefore = tokens.verify(token);
        clock.advance(Duration.ofSeconds(1));
        CsrfTokens.Verdict atExpiry = tokens.verify(token);

        assertThat(justBefore).isEqualTo(CsrfTokens.Verdict.VALID);
        assertThat(atExpiry).isEqualTo(CsrfTokens.Verdict.EXPIRED);
    }

    @Test
    void extendingTheExpiryBreaksTheSignature() {
        String token = tokens.issue().token();
        long expiry = Long.parseLong(token.substring(0, token.indexOf('.')));

        String extended = (expiry + 86_400) + token.substring(token.indexOf('.'));

        assertThat(tokens.verify(extended)).isEqualTo(CsrfTokens.Verdict.INVALID);
    }

    @Test
    void garbageIsInvalidAndBlankIsMissing() {
        assertThat(tokens.verify(null)).isEqualTo(CsrfTokens.Verdict.MISSING);
        assertThat(tokens.verify(" ")).isEqualTo(CsrfTokens.Verdict.MISSING);
        assertThat(tokens.verify("abc")).isEqualTo(CsrfTokens.Verdict.INVALID);
        assertThat(tokens.verify("x.y.z")).isEqualTo(CsrfTokens.Verdict.INVALID);
        assertThat(tokens.verify("1.2.!!!")).isEqualTo(CsrfTokens.Verdict.INVALID);
        assertThat(tokens.verify("9".repeat(300))).isEqualTo(CsrfTokens.Verdict.INVALID);
    }

    @Test
    void shortSecretIsRejectedAtStartUp() {
        assertThatThrownBy(() -> new CsrfProperties("too-short", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 characters");
    }
}
