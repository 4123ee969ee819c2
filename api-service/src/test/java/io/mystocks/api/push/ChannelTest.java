package io.mystocks.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Interval;
import org.junit.jupiter.api.Test;

class ChannelTest {

    @Test
    void parsesQuotesBarsAndIndicatorsWithIntervalAliases() {
        assertThat(Channel.parse("quotes")).contains(Channel.QUOTES);
        assertThat(Channel.parse("bars:1m")).contains(Channel.bars(Interval.M1));
        assertThat(Channel.parse("bars:daily").orElseThrow().name()).isEqualTo("bars:1d");
        assertThat(Channel.parse("indicators:1M").orElseThrow().name()).isEqualTo("indicators:1M");
    }

    @Test
    void rejectsUnknownChannelsAndIntervals() {
        assertThat(Channel.parse("trades")).isEmpty();
        assertThat(Channel.parse("bars")).isEmpty();
        assertThat(Channel.parse("bars:2h")).isEmpty();
        assertThat(Channel.parse("candles:1m")).isEmpty();
    }

    @Test
    void everyChannelHasItsOwnIndex() {
        assertThat(Channel.values()).hasSize(Channel.COUNT);
        for (int i = 0; i < Channel.COUNT; i++) {
            assertThat(Channel.byIndex(i).index()).isEqualTo(i);
        }
    }

    @Test
    void eventIdsRoundTripAndGarbageIsRejected() {
        assertThat(EventId.parse(EventId.format("mj3k2x1", 1234))).contains(new EventId("mj3k2x1", 1234));
        assertThat(EventId.parse("1234")).isEmpty();
        assertThat(EventId.parse("abc-")).isEmpty();
        assertThat(EventId.parse("abc--5")).isEmpty();
        assertThat(EventId.parse("abc-x1")).isEmpty();
    }
}
