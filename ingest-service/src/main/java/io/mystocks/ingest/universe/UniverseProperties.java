package io.mystocks.ingest.universe;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the universe comes from beyond the bundled {@code universe.csv}.
 *
 * @param extraFiles CSV files in the bundled file's form, read in order after it; a symbol in a later file
 *                   replaces the same symbol of an earlier one, so a file can add symbols or correct rows
 */
@Validated
@ConfigurationProperties("mystocks.universe")
public record UniverseProperties(@DefaultValue List<Path> extraFiles) {
    public UniverseProperties {
        extraFiles = extraFiles == null ? List.of() : List.copyOf(extraFiles);
    }
}
