package io.mystocks.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The application inside the executable jar that {@link ExtractedJarTest} builds: reads a library's resource. */
public final class ExtractedMain {
    private ExtractedMain() {
    }

    public static void main(String[] args) throws IOException {
        try (InputStream marker = ExtractedMain.class.getClassLoader().getResourceAsStream("library-marker.txt")) {
            System.out.println(new String(marker.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }
}
