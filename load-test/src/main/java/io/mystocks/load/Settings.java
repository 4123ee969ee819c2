package io.mystocks.load;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The knobs of a load run. A value comes from the system property of the same name ({@code -Dusers=50}),
 * otherwise, with {@code smoke=true}, from the scenario's smoke settings, otherwise from the default the
 * caller names. The base URL also reads the {@code MYSTOCKS_BASE_URL} environment variable. Simulations read
 * their settings once, when Gatling instantiates them.
 */
public final class Settings {
    /** Property and environment variable naming the API under test. */
    public static final String BASE_URL = "MYSTOCKS_BASE_URL";
    /** Where an in-process run's simulation writes its own measurements (realtime delivery latency). */
    public static final String METRICS_FILE = "metricsFile";
    /** {@code smoke=true} runs a scenario at a tiny rate for a few seconds unless told otherwise. */
    public static final String SMOKE = "smoke";

    private static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080";

    private final Map<String, String> values;
    private final Map<String, String> defaults;

    private Settings(Map<String, String> values, Map<String, String> defaults) {
        this.values = values;
        this.defaults = defaults;
    }

    /** The settings of this JVM: its system properties. */
    public static Settings current() {
        return new Settings(Map.of(), Map.of());
    }

    /** Settings from an explicit map, then system properties; for the summary of a run made elsewhere. */
    public static Settings of(Map<String, String> values) {
        return new Settings(Map.copyOf(values), Map.of());
    }

    /** These settings for a scenario: with {@code smoke=true}, its smoke settings fill in unset keys. */
    public Settings forScenario(Scenario scenario) {
        boolean smoke = Boolean.parseBoolean(text(SMOKE, "false"));
        return new Settings(values, smoke ? scenario.smokeSettings() : Map.of());
    }

    /** The API's base URL, without a trailing slash. */
    public URI baseUrl() {
        String url = text(BASE_URL, null);
        if (url == null || url.isBlank()) {
            url = Objects.requireNonNullElse(System.getenv(BASE_URL), DEFAULT_BASE_URL);
        }
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri = URI.create(trimmed);
        if (uri.getHost() == null || !uri.getScheme().startsWith("http")) {
            throw new IllegalArgumentException(BASE_URL + " must be an http(s) URL with a host, not '" + url + "'");
        }
        return uri;
    }

    /** The raw value, or {@code fallback} when the key is set nowhere. */
    public String text(String key, String fallback) {
        String value = values.get(key);
        if (value == null) {
            value = System.getProperty(key);
        }
        if (value == null) {
            value = defaults.get(key);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public int integer(String key, int fallback, int min) {
        String value = text(key, null);
        int result;
        try {
            result = value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a whole number", e);
        }
        return atLeast(key, result, min);
    }

    public double decimal(String key, double fallback, double min) {
        String value = text(key, null);
        double result;
        try {
            result = value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a number", e);
        }
        if (!(result >= min)) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", not " + value);
        }
        return result;
    }

    /** A duration given in seconds, fractions allowed ({@code 0.5}). */
    public Duration seconds(String key, double fallback, double min) {
        return Duration.ofNanos(Math.round(decimal(key, fallback, min) * 1e9));
    }

    private static int atLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String key, String value, String what, Exception cause) {
        return new IllegalArgumentException(key + " must be " + what + ", not '" + value + "'", cause);
    }
}
