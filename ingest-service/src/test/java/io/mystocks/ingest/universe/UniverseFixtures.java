package io.mystocks.ingest.universe;

import java.util.List;

/** The bundled universe, for tests of other packages. */
public final class UniverseFixtures {
    private UniverseFixtures() {
    }

    public static Universe bundled() {
        return UniverseLoader.load(List.of());
    }
}
