package io.mystocks.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    private final JsonSerde<Quote> serde = JsonSerde.of(Quote.class);

    @Test
    void roundTripsExactDecimalsInSnakeCase() {
        Quote quote = new Quote("000001", Instant.parse("2026-12-03T01:30:00.123Z"), new BigDecimal("12.30"), 100,
                new BigDecimal("1230.00"), "simulator");

        byte[] bytes = serde.serialize("t", quote);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"price\":12.30")
                .contains("\"timestamp\":\"2026-12-03T01:30:00.123Z\"");
        assertThat(serde.deserialize("t", bytes)).isEqualTo(quote);
    }

    @Test
    void malformedJsonFailsWithTheTypeAndTopicNamed() {
        byte[] garbage = "{\"symbol\": 12,".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserialize("market.quotes", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Quote").hasMessageContaining("market.quotes");
    }

    @Test
    void missingRequiredFieldsAreRejected() {
        byte[] noPrice = "{\"symbol\":\"000001\",\"timestamp\":\"2026-12-03T01:30:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserialize("market.quotes", noPrice))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void symbolKeysAndCompoundKeysShareAPartition() {
        assertThat(SymbolPartitioning.partition("600519|1d", 6))
                .isEqualTo(SymbolPartitioning.partition("600519", 6));
    }
}
