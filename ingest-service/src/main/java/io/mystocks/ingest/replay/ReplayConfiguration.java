package io.mystocks.ingest.replay;

import io.mystocks.contracts.Market;
import io.mystocks.contracts.Symbols;
import io.mystocks.ingest.publish.QuotePublisher;
import io.mystocks.ingest.universe.Universe;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ReplayConfiguration.class);

    /** Reads the files while the context starts, so that a file that cannot be used stops the service. */
    @Bean
    ReplayFeed replayFeed(ReplayProperties settings, Universe universe, QuotePublisher publisher, Clock clock) {
        List<Tape> tapes = List.of();
        if (settings.enabled()) {
            TapeReader reader = new TapeReader(symbol -> universe.find(symbol)
                    .map(listed -> listed.instrument().lotSize())
                    .orElseGet(() -> Symbols.isValid(symbol) ? Market.of(symbol).lotSize() : 1));
            tapes = settings.files().stream().map(reader::read).toList();
            tapes.forEach(tape -> log.info("Replay file {}: {} prints, {} unreadable rows", tape.location(),
                    tape.prints().size(), tape.unreadable().size()));
        }
        return new ReplayFeed(tapes, publisher, settings, clock);
    }
}
