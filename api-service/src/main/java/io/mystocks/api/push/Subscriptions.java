package io.mystocks.api.push;

import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.Symbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a client asks to subscribe to: symbols times channels, checked, with every problem reported.
 *
 * @param symbols  distinct upper-case symbols in the order given
 * @param channels distinct channels in the order given
 */
record Subscriptions(List<String> symbols, List<Channel> channels) {

    /** Every stream: each channel of each symbol. */
    List<StreamKey> keys() {
        List<StreamKey> keys = new ArrayList<>(symbols.size() * channels.size());
        for (String symbol : symbols) {
            for (Channel channel : channels) {
                keys.add(new StreamKey(channel, symbol));
            }
        }
        return keys;
    }

    List<String> channelNames() {
        return channels.stream().map(Channel::name).toList();
    }

    /**
     * @param channels null or empty for the default, {@code quotes}
     */
    static Subscriptions parse(Collection<String> symbols, Collection<String> channels, int maxSymbols,
                               List<FieldViolation> violations) {
        Set<String> validSymbols = new LinkedHashSet<>();
        for (String entry : symbols) {
            String symbol = entry.trim().toUpperCase(Locale.ROOT);
            if (symbol.isEmpty()) {
                continue;
            }
            if (Symbols.isValid(symbol)) {
                validSymbols.add(symbol);
            } else {
                violations.add(new FieldViolation("symbols", "INVALID_SYMBOL", "'" + entry + "' is not a symbol: "
                        + "use six digits (600519) or an upper-case ticker (AAPL)"));
            }
        }
        if (validSymbols.isEmpty() && violations.isEmpty()) {
            violations.add(new FieldViolation("symbols", "REQUIRED", "name at least one symbol, such as "
                    + "symbols=600519,000001"));
        }
        if (validSymbols.size() > maxSymbols) {
            violations.add(tooMany(maxSymbols));
        }
        return new Subscriptions(List.copyOf(validSymbols), channels(channels, violations));
    }

    static FieldViolation tooMany(int maxSymbols) {
        return new FieldViolation("symbols", "TOO_MANY", "a connection may subscribe to at most " + maxSymbols
                + " symbols (mystocks.push.max-symbols); open another connection for more");
    }

    /** Splits comma-separated text; null gives an empty list. */
    static List<String> split(String text) {
        return text == null ? List.of() : List.of(text.split(",", -1));
    }

    private static List<Channel> channels(Collection<String> names, List<FieldViolation> violations) {
        Set<Channel> channels = new LinkedHashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            Optional<Channel> channel = Channel.parse(name);
            if (channel.isPresent()) {
                channels.add(channel.get());
            } else {
                violations.add(new FieldViolation("channels", "INVALID_CHANNEL", "'" + name + "' is not a "
                        + "channel; use " + Channel.forms()));
            }
        }
        if (channels.isEmpty()) {
            channels.add(Channel.QUOTES);
        }
        return List.copyOf(channels);
    }
}
