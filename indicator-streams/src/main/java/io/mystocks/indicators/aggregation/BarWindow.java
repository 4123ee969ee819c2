package io.mystocks.indicators.aggregation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The time span of one bar: {@code [openTime, closeTime)}, and the market-local trading day it belongs to.
 *
 * @param tradingDay the local date of the bar's start; for weekly and monthly bars the first day of the period
 */
public record BarWindow(Instant openTime, Instant closeTime, LocalDate tradingDay) {
    public BarWindow {
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(tradingDay, "tradingDay");
        if (!openTime.isBefore(closeTime)) {
            throw new IllegalArgumentException("a bar must open before it closes: " + openTime + " - " + closeTime);
        }
    }

    public boolean contains(Instant time) {
        return !time.isBefore(openTime) && time.isBefore(closeTime);
    }
}
