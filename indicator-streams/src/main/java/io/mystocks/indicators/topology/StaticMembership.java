package io.mystocks.indicators.topology;

import io.mystocks.indicators.StreamsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The static group membership id ({@code group.instance.id}) of this instance. A static member that
 * restarts within the session timeout gets its tasks back without a rebalance, and only a static member
 * can leave the group when it closes (Kafka Streams 4.1 removes it through the admin client); a dynamic
 * member stays in the group until its session expires, which a restarted instance would wait for.
 *
 * <p>Unless configured, the id is generated once and kept beside the Streams state: unique to the state
 * directory, which no two instances share, and stable for as long as that directory lives. An instance whose
 * state was wiped joins as a new member, which is what it is.
 */
final class StaticMembership {
    private StaticMembership() {
    }

    static String instanceId(StreamsSettings settings) {
        if (settings.instanceId() != null) {
            return settings.instanceId();
        }
        Path file = settings.stateDir().resolve(settings.applicationId() + ".instance-id");
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String generated = settings.applicationId() + "-" + UUID.randomUUID();
            Files.createDirectories(settings.stateDir());
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + file
                    + "; set mystocks.streams.instance-id or make the state directory writable", e);
        }
    }
}
