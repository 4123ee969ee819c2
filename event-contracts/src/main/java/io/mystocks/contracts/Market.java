package io.mystocks.contracts;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The market a symbol trades on, which fixes its time zone, trading sessions, currency, board lot
 * and daily price-limit band. Bars are aligned in the market's own zone.
 */
public enum Market {
    /** Shanghai, Shenzhen and Beijing A-shares: two sessions, lots of 100, a 10 % daily band. */
    CN(ZoneId.of("Asia/Shanghai"), "CNY", 100, new BigDecimal("0.10"),
            List.of(new Session(LocalTime.of(9, 30), LocalTime.of(11, 30)),
                    new Session(LocalTime.of(13, 0), LocalTime.of(15, 0)))),
    /** New York listings: one continuous session, single shares, no daily band. */
    US(ZoneId.of("America/New_York"), "USD", 1, null,
            List.of(new Session(LocalTime.of(9, 30), LocalTime.of(16, 0))));

    private final ZoneId zone;
    private final String currency;
    private final int lotSize;
    private final BigDecimal priceLimit;
    private final List<Session> sessions;

    Market(ZoneId zone, String currency, int lotSize, BigDecimal priceLimit, List<Session> sessions) {
        this.zone = zone;
        this.currency = currency;
        this.lotSize = lotSize;
        this.priceLimit = priceLimit;
        this.sessions = sessions;
    }

    public ZoneId zone() {
        return zone;
    }

    public String currency() {
        return currency;
    }

    public int lotSize() {
        return lotSize;
    }

    /** The daily price-limit band as a fraction of the previous close, or null where there is none. */
    public BigDecimal priceLimit() {
        return priceLimit;
    }

    public List<Session> sessions() {
        return sessions;
    }

    /** The market of a symbol that already passed {@link Symbols#isValid(String)}. */
    public static Market of(String symbol) {
        return Character.isDigit(symbol.charAt(0)) ? CN : US;
    }

    /** One continuous trading session in the market's local time, start inclusive, end exclusive. */
    public record Session(LocalTime open, LocalTime close) {
        public Session {
            if (!open.isBefore(close)) {
                throw new IllegalArgumentException("session must open before it closes: " + open + "-" + close);
            }
        }

        public boolean contains(LocalTime time) {
            return !time.isBefore(open) && time.isBefore(close);
        }
    }
}
