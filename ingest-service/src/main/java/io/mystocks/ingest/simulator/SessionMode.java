package io.mystocks.ingest.simulator;

import io.mystocks.contracts.Market;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;

/** When the simulator trades a market. */
public enum SessionMode {
    /** Around the clock, every day: a demo shows live data whenever it is opened. */
    ALWAYS_OPEN {
        @Override
        boolean isOpen(Market market, Instant instant) {
            return true;
        }
    },
    /**
     * Only inside the market's sessions in its own zone, Monday to Friday. Public holidays are not modelled:
     * the simulator trades on them.
     */
    EXCHANGE {
        @Override
        boolean isOpen(Market market, Instant instant) {
            ZonedDateTime local = instant.atZone(market.zone());
            DayOfWeek day = local.getDayOfWeek();
            if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
                return false;
            }
            return market.sessions().stream().anyMatch(session -> session.contains(local.toLocalTime()));
        }
    };

    abstract boolean isOpen(Market market, Instant instant);
}
