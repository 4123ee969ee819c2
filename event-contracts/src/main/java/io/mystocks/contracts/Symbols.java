package io.mystocks.contracts;

import java.util.regex.Pattern;

/** The symbol grammar every service and client shares. */
public final class Symbols {
    /** Six digits for an A-share (600519), or an upper-case ticker of up to ten characters (AAPL, BRK.B). */
    public static final String PATTERN = "^(\\d{6}|[A-Z][A-Z0-9.\\-]{0,9})$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Symbols() {
    }

    public static boolean isValid(String symbol) {
        return symbol != null && COMPILED.matcher(symbol).matches();
    }
}
