package io.mystocks.api.market;

import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An indicator snapshot as it came from Kafka, read only when a request asks for it. indicator-streams
 * publishes a snapshot of every changed series each tick, hundreds a second while the simulator
 * runs, and most are replaced before anyone reads them: decoding each on arrival (a map of some thirty
 * indicators) was most of the feed thread's time. The push layer forwards the JSON as it came.
 */
final class KeptSnapshot {
    private static final Logger log = LoggerFactory.getLogger(KeptSnapshot.class);
    private static final JsonSerde<IndicatorSnapshot> SERDE = JsonSerde.of(IndicatorSnapshot.class);

    private final String symbol;
    private final Interval interval;
    private final byte[] json;
    /** The decoded snapshot once read; {@link #UNREADABLE} when it does not decode. */
    private volatile Object decoded;

    private static final Object UNREADABLE = new Object();

    private KeptSnapshot(String symbol, Interval interval, byte[] json) {
        this.symbol = symbol;
        this.interval = interval;
        this.json = json;
    }

    /**
     * @param key the record key, {@code symbol|interval}
     * @throws IllegalArgumentException when the key is not a series key
     * @throws SerializationException   when the value is not a JSON object
     */
    static KeptSnapshot of(String key, byte[] json) {
        int bar = key.indexOf('|');
        Interval interval = bar <= 0 ? null : Interval.parse(key.substring(bar + 1)).orElse(null);
        if (interval == null) {
            throw new IllegalArgumentException("key '" + key + "' on " + Topics.INDICATORS.name()
                    + " is not symbol|interval");
        }
        if (json.length < 2 || json[0] != '{' || json[json.length - 1] != '}') {
            throw new SerializationException("the value of " + key + " on " + Topics.INDICATORS.name()
                    + " is not a JSON object");
        }
        return new KeptSnapshot(key.substring(0, bar), interval, json);
    }

    String symbol() {
        return symbol;
    }

    Interval interval() {
        return interval;
    }

    /** The snapshot's JSON as published. Not copied: do not change it. */
    byte[] json() {
        return json;
    }

    /** The decoded snapshot, or null when it does not decode (logged once). */
    IndicatorSnapshot snapshot() {
        Object value = decoded;
        if (value == null) {
            value = decode();
            decoded = value;
        }
        return value == UNREADABLE ? null : (IndicatorSnapshot) value;
    }

    private Object decode() {
        try {
            IndicatorSnapshot snapshot = SERDE.deserialize(Topics.INDICATORS.name(), json);
            if (snapshot.symbol().equals(symbol) && snapshot.interval() == interval) {
                return snapshot;
            }
            log.warn("Ignoring the snapshot of {}|{} on {}: it is of {}", symbol, interval.code(),
                    Topics.INDICATORS.name(), snapshot.key());
        } catch (SerializationException e) {
            log.warn("Ignoring the snapshot of {}|{} on {}: it does not decode: {}", symbol, interval.code(),
                    Topics.INDICATORS.name(), e.getMessage());
        }
        return UNREADABLE;
    }
}
