package io.mystocks.worker.backtest;

import io.mystocks.contracts.Json;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 digests of documents in their JSON form. */
final class Digests {

    private Digests() {
    }

    /**
     * The hex SHA-256 of the document as the shared mapper writes it. The JSON goes straight into the
     * digest, never into an array of its own: a trade list is tens of kilobytes.
     */
    static String sha256(Object document) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        Json.mapper().writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), digest), document);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The strategy id and parameters with every map's keys sorted, so that equal inputs print the same. */
    static Map<String, Object> canonicalInputs(String strategyId, Map<String, Object> params) {
        Map<String, Object> inputs = new TreeMap<>();
        inputs.put("params", sorted(params));
        inputs.put("strategy_id", strategyId);
        return inputs;
    }

    private static Map<String, Object> sorted(Map<String, Object> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(key, value instanceof Map<?, ?> nested ? sortedAny(nested) : value));
        return sorted;
    }

    private static Map<String, Object> sortedAny(Map<?, ?> map) {
        Map<String, Object> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return sorted(copy);
    }
}
