package io.mystocks.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuoteValidatorTest {
    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    private final QuoteValidator validator = new QuoteValidator(Set.of("600519")::contains, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsAWellFormedQuote() {
        Quote quote = new Quote("600519", NOW, new BigDecimal("1500.10"), 300, new BigDecimal("450030"), "test");

        assertThat(validator.problems(quote)).isEmpty();
    }

    @Test
    void reportsEveryBrokenRule() {
        Quote quote = new Quote("600519", NOW.plus(Duration.ofHours(1)), new BigDecimal("-1"), -5,
                new BigDecimal("-2"), "test");

        assertThat(validator.problems(quote)).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("price must be positive"))
                .anySatisfy(p -> assertThat(p).contains("volume must not be negative"))
                .anySatisfy(p -> assertThat(p).contains("amount must not be negative"))
                .anySatisfy(p -> assertThat(p).contains("in the future"));
    }

    @Test
    void rejectsUnknownAndMalformedSymbols() {
        Quote unknown = new Quote("600000", NOW, BigDecimal.TEN, 1, BigDecimal.TEN, "test");
        Quote malformed = new Quote("6005", NOW, BigDecimal.TEN, 1, BigDecimal.TEN, "test");

        assertThat(validator.problems(unknown)).singleElement().asString().contains("not in the universe");
        assertThat(validator.problems(malformed)).singleElement().asString().contains("does not match");
    }
}
