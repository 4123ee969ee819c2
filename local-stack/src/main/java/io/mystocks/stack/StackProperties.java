package io.mystocks.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The settings a stack keeps between runs in {@code stack.properties}: the ports it chose, reused while
 * they are free so that client URLs and bootstrap addresses stay the same, and the CSRF secret, made
 * once so that tokens survive a restart.
 */
final class StackProperties {
    static final String CSRF_SECRET = "csrf.secret";
    private static final int SECRET_BYTES = 32;

    private final Path file;
    private final Properties values;
    private final Set<Integer> chosen = new HashSet<>();

    private StackProperties(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** Reads the file, or starts empty when there is none. */
    static StackProperties load(Path file) {
        Properties values = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                values.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new StackProperties(file, values);
    }

    /**
     * The port saved under {@code key} when it is still free, otherwise a free one; remembered either way.
     * No two keys get the same port.
     */
    int port(String key) {
        int port = FreePorts.preferring(savedPort(key));
        while (chosen.contains(port)) {
            port = FreePorts.next();
        }
        fixPort(key, port);
        return port;
    }

    /** Records a port the user chose. */
    void fixPort(String key, int port) {
        chosen.add(port);
        values.setProperty(key, Integer.toString(port));
    }

    /** The saved secret, or a new random one from {@code random}. */
    String csrfSecret(SecureRandom random) {
        String secret = values.getProperty(CSRF_SECRET);
        if (secret == null || secret.isBlank()) {
            byte[] bytes = new byte[SECRET_BYTES];
            random.nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            values.setProperty(CSRF_SECRET, secret);
        }
        return secret;
    }

    /** Writes the file, readable by its owner only where the file system supports it: it holds a secret. */
    void save() {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            restrictToOwner();
            try (Writer writer = Files.newBufferedWriter(file)) {
                values.store(writer, "MyStocks local stack: ports and secrets reused on restart");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private int savedPort(String key) {
        String saved = values.getProperty(key);
        if (saved == null) {
            return 0;
        }
        try {
            int port = Integer.parseInt(saved.trim());
            return port > 0 && port <= 65_535 ? port : 0;
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }

    private void restrictToOwner() throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
