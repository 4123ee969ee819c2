package io.mystocks.api.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.api.web.ApiException;
import io.mystocks.contracts.Interval;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KlineQueryTest {

    @Test
    void defaultsToDailyBarsAndAHundredOfThem() {
        KlineQuery query = KlineQuery.parse("600519", null, null, null, null, null, 1000);

        assertThat(query.interval()).isEqualTo(Interval.D1);
        assertThat(query.limit()).isEqualTo(100);
        assertThat(query.from()).isNull();
        assertThat(query.to()).isNull();
    }

    @Test
    void periodWordsAreAcceptedForIntervals() {
        assertThat(KlineQuery.parse("600519", null, "weekly", null, null, null, 1000).interval())
                .isEqualTo(Interval.W1);
        assertThat(KlineQuery.parse("600519", "monthly", null, null, null, null, 1000).interval())
                .isEqualTo(Interval.MN1);
    }

    @Test
    void datesAreWholeMarketLocalDays() {
        KlineQuery query = KlineQuery.parse("600519", null, null, null, "2026-12-01", "2026-12-01", 1000);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-01T15:59:59.999999999Z"));
    }

    @Test
    void dateTimesMayBeLocalOrCarryAnOffset() {
        KlineQuery local = KlineQuery.parse("AAPL", null, null, null, "2026-12-01T09:30:00", null, 1000);
        KlineQuery utc = KlineQuery.parse("AAPL", null, null, null, "2026-12-01T14:30:00Z", null, 1000);
        KlineQuery offset = KlineQuery.parse("AAPL", null, null, null, "2026-12-01T09:30:00-05:00", null, 1000);
        KlineQuery plusAsSpace = KlineQuery.parse("600519", null, null, null, "2026-12-01T22:30:00 08:00", null,
                1000);

        assertThat(local.from()).isEqualTo(Instant.parse("2026-12-01T14:30:00Z"));
        assertThat(utc.from()).isEqualTo(local.from());
        assertThat(offset.from()).isEqualTo(local.from());
        assertThat(plusAsSpace.from()).isEqualTo(local.from());
    }

    @Test
    void badValuesAreReportedTogether() {
        assertThatThrownBy(() -> KlineQuery.parse("600519", "7m", null, "abc", "2026-13-01", "soon", 1000))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactly("interval", "limit", "start", "end"));
    }
}
