package io.mystocks.worker.backtest;

import io.mystocks.contracts.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 digests of documents in their JSON form. */
final class Digests {

    private Digests() {
    }

    /** The hex SHA-256 of the document as the shared mapper writes it. */
    static String sha256(Object document) {
        byte[] json = Json.mapper().writeValueAsBytes(document);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
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
