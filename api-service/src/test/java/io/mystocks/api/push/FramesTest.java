package io.mystocks.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FramesTest {
    private static final PushEvent BAR = new PushEvent(42, Channel.bars(Interval.M1), "600519",
            "{\"symbol\":\"600519\",\"close\":1700.5}");

    @Test
    void sseDataIsTheRecordItselfOrCarriesTheSkippedCountFirst() {
        assertThat(Frames.sseData(Delivery.event(BAR, 0))).isEqualTo(BAR.json());

        JsonNode conflated = Json.mapper().readTree(Frames.sseData(Delivery.event(BAR, 7)));

        assertThat(conflated.get("skipped").asInt()).isEqualTo(7);
        assertThat(conflated.get("close").decimalValue()).isEqualByComparingTo("1700.5");
    }

    @Test
    void resetNamesItsStreamAndReasonAndCarriesTheLatestValue() {
        JsonNode reset = Json.mapper().readTree(Frames.sseData(Delivery.reset(BAR, Stream.GAP)));

        assertThat(reset.get("channel").asString()).isEqualTo("bars:1m");
        assertThat(reset.get("symbol").asString()).isEqualTo("600519");
        assertThat(reset.get("reason").asString()).isEqualTo(Stream.GAP);
        assertThat(reset.get("latest").get("close").decimalValue()).isEqualByComparingTo("1700.5");
    }

    @Test
    void webSocketFrameHasTypeChannelIdSkippedAndData() {
        JsonNode frame = Json.mapper().readTree(Frames.wsFrame(Delivery.event(BAR, 3), "e-42"));

        assertThat(frame.get("type").asString()).isEqualTo("bar");
        assertThat(frame.get("channel").asString()).isEqualTo("bars:1m");
        assertThat(frame.get("symbol").asString()).isEqualTo("600519");
        assertThat(frame.get("id").asString()).isEqualTo("e-42");
        assertThat(frame.get("skipped").asInt()).isEqualTo(3);
        assertThat(frame.get("data").get("close").decimalValue()).isEqualByComparingTo("1700.5");
    }
}
