package io.mystocks.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void codesAreCaseSensitiveBetweenMinuteAndMonth() {
        assertThat(Interval.parse("1m")).contains(Interval.M1);
        assertThat(Interval.parse("1M")).contains(Interval.MN1);
    }

    @Test
    void periodWordsAndTopicSuffixesAreAccepted() {
        assertThat(Interval.parse("daily")).contains(Interval.D1);
        assertThat(Interval.parse("weekly")).contains(Interval.W1);
        assertThat(Interval.parse("monthly")).contains(Interval.MN1);
        assertThat(Interval.parse("5min")).contains(Interval.M5);
        assertThat(Interval.parse("1h")).contains(Interval.H1);
    }

    @Test
    void unknownIntervalsAreRejected() {
        assertThat(Interval.parse("2m")).isEmpty();
        assertThat(Interval.parse("")).isEmpty();
        assertThat(Interval.parse(null)).isEmpty();
    }

    @Test
    void barTopicNamesDoNotCollideIgnoringCase() {
        assertThat(Topics.all().stream().map(t -> t.name().toLowerCase()).distinct().count())
                .isEqualTo(Topics.all().size());
    }
}
