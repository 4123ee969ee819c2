package io.mystocks.api.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stateless CSRF tokens that every replica sharing the secret accepts. A token is
 * {@code expiry.nonce.signature}: the expiry in epoch seconds, 16 random bytes, and the HMAC-SHA256 of
 * the first two parts under the shared secret. Nothing is stored, so a token can be used any number of
 * times until it expires.
 */
final class CsrfTokens {
    private static final Logger log = LoggerFactory.getLogger(CsrfTokens.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int NONCE_BYTES = 16;
    private static final int MAX_TOKEN_LENGTH = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    enum Verdict { VALID, MISSING, INVALID, EXPIRED }

    /** A new token and how many seconds it stays valid. */
    record Issued(String token, long expiresInSeconds) {
    }

    private final SecretKeySpec key;
    private final long ttlSeconds;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> macs;

    CsrfTokens(CsrfProperties properties, Clock clock) {
        this.key = new SecretKeySpec(secret(properties), ALGORITHM);
        this.ttlSeconds = properties.tokenTtl().getSeconds();
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    Issued issue() {
        long expiry = clock.instant().getEpochSecond() + ttlSeconds;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String payload = expiry + "." + ENCODER.encodeToString(nonce);
        return new Issued(payload + "." + ENCODER.encodeToString(sign(payload)), ttlSeconds);
    }

    Verdict verify(String token) {
        if (token == null || token.isBlank()) {
            return Verdict.MISSING;
        }
        int lastDot = token.lastIndexOf('.');
        int firstDot = token.indexOf('.');
        if (token.length() > MAX_TOKEN_LENGTH || firstDot <= 0 || lastDot == firstDot) {
            return Verdict.INVALID;
        }
        byte[] signature;
        long expiry;
        try {
            signature = DECODER.decode(token.substring(lastDot + 1));
            expiry = Long.parseLong(token, 0, firstDot, 10);
        } catch (IllegalArgumentException malformed) {
            return Verdict.INVALID;
        }
        if (!MessageDigest.isEqual(sign(token.substring(0, lastDot)), signature)) {
            return Verdict.INVALID;
        }
        return expiry > clock.instant().getEpochSecond() ? Verdict.VALID : Verdict.EXPIRED;
    }

    private byte[] sign(String payload) {
        return macs.get().doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute " + ALGORITHM, e);
        }
    }

    private static byte[] secret(CsrfProperties properties) {
        if (properties.hasSecret()) {
            return properties.secret().getBytes(StandardCharsets.UTF_8);
        }
        log.warn("No mystocks.csrf.secret (MYSTOCKS_CSRF_SECRET) is set: using a random one, so CSRF tokens "
                + "issued here are rejected by other API replicas and after a restart");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
