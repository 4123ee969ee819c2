package io.mystocks.ingest.universe;

import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.TopicSpec;
import io.mystocks.contracts.Topics;
import io.mystocks.ingest.kafka.RecordSender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every instrument and fundamentals snapshot of the universe, keyed by symbol, to the compacted
 * reference topics. Publishing again at every start is harmless: compaction keeps the latest value per key.
 */
public final class ReferenceDataPublisher {
    private static final Logger log = LoggerFactory.getLogger(ReferenceDataPublisher.class);
    private static final JsonSerde<Instrument> INSTRUMENTS = JsonSerde.of(Instrument.class);
    private static final JsonSerde<Fundamentals> FUNDAMENTALS = JsonSerde.of(Fundamentals.class);

    private final Universe universe;
    private final RecordSender sender;

    ReferenceDataPublisher(Universe universe, RecordSender sender) {
        this.universe = universe;
        this.sender = sender;
    }

    /** Completes when Kafka has acknowledged every record, or fails with the first failed send's cause. */
    public CompletableFuture<Void> publishAll() {
        List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>();
        for (ListedSymbol symbol : universe.symbols()) {
            sends.add(send(Topics.INSTRUMENTS, symbol.symbol(), INSTRUMENTS.serialize(
                    Topics.INSTRUMENTS.name(), symbol.instrument())));
            sends.add(send(Topics.FUNDAMENTALS, symbol.symbol(), FUNDAMENTALS.serialize(
                    Topics.FUNDAMENTALS.name(), symbol.fundamentals())));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).thenRun(() -> log.info(
                "Published {} instruments to {} and their fundamentals to {}", universe.size(),
                Topics.INSTRUMENTS.name(), Topics.FUNDAMENTALS.name()));
    }

    private CompletableFuture<RecordMetadata> send(TopicSpec topic, String symbol, byte[] value) {
        return sender.send(new ProducerRecord<>(topic.name(), symbol, value));
    }
}
