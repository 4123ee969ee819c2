package io.mystocks.contracts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rules a quote must pass before it enters {@code market.quotes}. Every broken rule is reported,
 * not only the first, so that a feed can be fixed in one go.
 */
public final class QuoteValidator {
    private final Predicate<String> knownSymbol;
    private final Duration maxFuture;
    private final Clock clock;

    /**
     * @param knownSymbol which symbols the universe holds
     * @param maxFuture   how far ahead of this clock a timestamp may be (clock skew of a feed)
     */
    public QuoteValidator(Predicate<String> knownSymbol, Duration maxFuture, Clock clock) {
        this.knownSymbol = knownSymbol;
        this.maxFuture = maxFuture;
        this.clock = clock;
    }

    /** The reasons the quote is rejected; empty when it is valid. */
    public List<String> problems(Quote quote) {
        List<String> problems = new ArrayList<>();
        if (!Symbols.isValid(quote.symbol())) {
            problems.add("symbol '" + quote.symbol() + "' does not match " + Symbols.PATTERN);
        } else if (!knownSymbol.test(quote.symbol())) {
            problems.add("symbol '" + quote.symbol() + "' is not in the universe; publish it to "
                    + Topics.INSTRUMENTS.name() + " first");
        }
        if (quote.price().signum() <= 0) {
            problems.add("price must be positive, was " + quote.price());
        }
        if (quote.volume() < 0) {
            problems.add("volume must not be negative, was " + quote.volume());
        }
        if (quote.amount().compareTo(BigDecimal.ZERO) < 0) {
            problems.add("amount must not be negative, was " + quote.amount());
        }
        Instant latest = clock.instant().plus(maxFuture);
        if (quote.timestamp().isAfter(latest)) {
            problems.add("timestamp " + quote.timestamp() + " is more than " + maxFuture + " in the future");
        }
        return problems;
    }
}
