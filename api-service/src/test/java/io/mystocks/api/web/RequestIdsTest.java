package io.mystocks.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void acceptsUpTo128SafeCharacters() {
        assertThat(RequestIds.resolve("abc-DEF_123.x")).isEqualTo("abc-DEF_123.x");
        assertThat(RequestIds.resolve("a".repeat(128))).isEqualTo("a".repeat(128));
    }

    @Test
    void replacesEmptyLongOrUnsafeIdsWithNewOnes() {
        for (String bad : new String[] {null, "", "a".repeat(129), "with space", "new\nline", "ünïcode", "a/b"}) {
            String id = RequestIds.resolve(bad);

            assertThat(id).isNotEqualTo(bad);
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
        }
    }

    @Test
    void generatedIdsAreVersion4UuidsAndDistinct() {
        UUID first = UUID.fromString(RequestIds.generate());
        UUID second = UUID.fromString(RequestIds.generate());

        assertThat(first.version()).isEqualTo(4);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first).isNotEqualTo(second);
    }
}
