package io.mystocks.ingest.backfill;

import io.mystocks.ingest.kafka.BulkRecordSender;
import io.mystocks.ingest.kafka.KafkaSettings;
import io.mystocks.ingest.simulator.SimulatorProperties;
import io.mystocks.ingest.universe.ListedSymbol;
import io.mystocks.ingest.universe.Universe;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BackfillConfiguration {

    @Bean
    BackfillRunner backfillRunner(Universe universe, SimulatorProperties simulator, BackfillProperties settings,
                                  BulkRecordSender sender, Admin ingestAdmin, KafkaProperties kafka,
                                  KafkaSettings kafkaSettings, Clock clock) {
        BackfillProgress progress = new BackfillProgress(settings.enabled());
        KafkaBackfillTopic topic = new KafkaBackfillTopic(ingestAdmin, kafka.buildConsumerProperties(),
                kafkaSettings.requestTimeout(), clock);
        Backfill backfill = new Backfill(symbols(universe, settings), simulator::walkOf,
                new HistoryGenerator(simulator.tickSize()), topic, sender::send,
                new BackfillJournal(settings.journal()), settings, progress, clock);
        return new BackfillRunner(backfill, progress, settings.enabled());
    }

    /** The configured symbols, or the whole universe; a symbol the universe lacks stops the start. */
    static List<ListedSymbol> symbols(Universe universe, BackfillProperties settings) {
        if (settings.symbols().isEmpty()) {
            return List.copyOf(universe.symbols());
        }
        return settings.symbols().stream().map(symbol -> universe.find(symbol).orElseThrow(() ->
                new IllegalArgumentException("mystocks.backfill.symbols names " + symbol
                        + ", which is not in the universe"))).toList();
    }
}
