package io.mystocks.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConflatingBufferTest {
    private final ConflatingBuffer buffer = new ConflatingBuffer();
    private long sequence;

    @Test
    void slowSubscriberKeepsOnlyTheLatestEventPerStreamAndCountsWhatItSkipped() {
        Slot quotes = slot("600519");
        Slot other = slot("000001");
        Slot third = slot("AAPL");

        for (int i = 0; i < 10_000; i++) {
            buffer.offer(quotes, event("600519"));
            buffer.offer(other, event("000001"));
            buffer.offer(third, event("AAPL"));
            assertThat(buffer.queued()).isLessThanOrEqualTo(3);
        }
        List<Delivery> delivered = drain();

        assertThat(delivered).hasSize(3);
        assertThat(delivered).extracting(Delivery::skipped).containsOnly(9_999L);
        assertThat(delivered).extracting(d -> d.event().sequence()).containsExactly(29_998L, 29_999L, 30_000L);
        assertThat(buffer.conflated()).isEqualTo(3 * 9_999L);
        assertThat(buffer.queued()).isZero();
    }

    @Test
    void eventsComeOutInSequenceOrderEvenWhenAnEarlierStreamIsReplaced() {
        Slot a = slot("600519");
        Slot b = slot("000001");

        buffer.offer(a, event("600519"));
        buffer.offer(b, event("000001"));
        buffer.offer(a, event("600519"));

        assertThat(drain()).extracting(d -> d.event().sequence()).containsExactly(2L, 3L);
    }

    @Test
    void skippedCountStartsAgainAfterADelivery() {
        Slot a = slot("600519");
        buffer.offer(a, event("600519"));
        buffer.offer(a, event("600519"));
        buffer.poll();

        buffer.offer(a, event("600519"));

        assertThat(buffer.poll().skipped()).isZero();
    }

    @Test
    void removedSlotDropsItsPendingEventAndTakesNoMore() {
        Slot a = slot("600519");
        Slot b = slot("000001");
        buffer.offer(a, event("600519"));
        buffer.offer(b, event("000001"));

        buffer.remove(a);
        boolean accepted = buffer.offer(a, event("600519"));

        assertThat(accepted).isFalse();
        assertThat(drain()).extracting(d -> d.event().symbol()).containsExactly("000001");
    }

    private List<Delivery> drain() {
        List<Delivery> delivered = new ArrayList<>();
        for (Delivery d = buffer.poll(); d != null; d = buffer.poll()) {
            delivered.add(d);
        }
        return delivered;
    }

    private static Slot slot(String symbol) {
        return new Slot(null, new Stream(Channel.QUOTES, symbol, new Retention(4, 1 << 20)));
    }

    private PushEvent event(String symbol) {
        return new PushEvent(++sequence, Channel.QUOTES, symbol, "{\"symbol\":\"" + symbol + "\"}");
    }
}
