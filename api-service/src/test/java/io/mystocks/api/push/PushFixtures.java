package io.mystocks.api.push;

import io.mystocks.contracts.LatestQuote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.Subscription;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.BaseSubscriber;

/** Records and settings for push tests. */
final class PushFixtures {
    static final Instant START = Instant.parse("2026-12-03T02:00:00Z");

    private PushFixtures() {
    }

    static PushProperties properties(int ringSize, DataSize maxRetained) {
        return new PushProperties(3, ringSize, maxRetained, Duration.ofMinutes(5), Duration.ofSeconds(15),
                Duration.ofSeconds(30), Duration.ofSeconds(1), 4);
    }

    static LatestQuote quote(String symbol, String price) {
        BigDecimal last = new BigDecimal(price);
        return new LatestQuote(symbol, last, last, last, last, last, BigDecimal.ZERO, BigDecimal.ZERO, 100,
                last.multiply(BigDecimal.valueOf(100)), 1, LocalDate.of(2026, 12, 3), START);
    }

    /** A subscriber that takes only what the test requests. */
    static final class Recorder extends BaseSubscriber<Delivery> {
        final List<Delivery> received = new CopyOnWriteArrayList<>();
        volatile boolean completed;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // Demand comes from the test.
        }

        @Override
        protected void hookOnNext(Delivery delivery) {
            received.add(delivery);
        }

        @Override
        protected void hookOnComplete() {
            completed = true;
        }

        List<Long> sequences() {
            return received.stream().map(d -> d.event().sequence()).toList();
        }
    }
}
