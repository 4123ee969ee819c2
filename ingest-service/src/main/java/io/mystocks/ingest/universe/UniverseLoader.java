package io.mystocks.ingest.universe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the bundled universe and the extra files over it. */
final class UniverseLoader {
    /** The bundled universe, at the root of the class path. */
    static final String BUNDLED = "universe.csv";

    private UniverseLoader() {
    }

    static Universe load(List<Path> extraFiles) {
        List<List<ListedSymbol>> lists = new ArrayList<>();
        lists.add(UniverseCsv.parse(BUNDLED, bundledLines()));
        for (Path file : extraFiles) {
            lists.add(UniverseCsv.parse(file.toString(), lines(file)));
        }
        return Universe.merge(lists);
    }

    private static List<String> bundledLines() {
        try (InputStream in = UniverseLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new InvalidUniverseException(BUNDLED, "not on the class path", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new InvalidUniverseException(BUNDLED, "cannot be read", e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidUniverseException(file.toString(), "cannot be read: " + e, e);
        }
    }
}
