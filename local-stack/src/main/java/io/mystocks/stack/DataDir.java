package io.mystocks.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The folder holding everything a local stack keeps, locked by the launcher that uses it:
 *
 * <pre>
 * .mystocks-data          marker: this folder belongs to a stack and may be wiped by --fresh
 * stack.properties        ports chosen (reused on restart while free) and the CSRF secret
 * kafka/  redis/          broker log directory, Redis append-only file
 * services/&lt;name&gt;/      each service's MYSTOCKS_DATA_DIR (Streams state, ...)
 * logs/&lt;name&gt;.log       each service's output; startup.log holds start-up times
 * apps/&lt;name&gt;/           the service jars unpacked: they start faster than nested jars
 * run/                    launcher.lock and the pids of the processes of the last run
 * </pre>
 */
final class DataDir implements AutoCloseable {
    static final String MARKER = ".mystocks-data";
    private static final String RUN = "run";
    private static final String LOCK = "launcher.lock";

    private final Path root;
    private final FileChannel lockChannel;

    private DataDir(Path root, FileChannel lockChannel) {
        this.root = root;
        this.lockChannel = lockChannel;
    }

    /**
     * Opens {@code root}, creating it when missing, and locks it for this process until {@link #close()}.
     *
     * @throws LaunchException when the folder holds something else, or another stack is using it
     */
    static DataDir open(Path root) {
        try {
            Files.createDirectories(root);
            if (!Files.exists(root.resolve(MARKER)) && !isEmpty(root)) {
                throw new LaunchException(root + " is not empty and has no " + MARKER + " marker, so it does not"
                        + " look like a MyStocks data directory; nothing was changed. Choose a new or empty"
                        + " folder with --data-dir.");
            }
            Files.writeString(root.resolve(MARKER), "MyStocks Streams local stack data; safe to delete.\n");
            Files.createDirectories(root.resolve(RUN));
            return new DataDir(root, lock(root.resolve(RUN).resolve(LOCK)));
        } catch (IOException e) {
            throw new LaunchException("cannot use " + root + " as data directory: " + e.getMessage(), e);
        }
    }

    /** Deletes everything but the marker and the run folder, where the lock and the last pids live. */
    void wipe() {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (!name.equals(MARKER) && !name.equals(RUN)) {
                    Folders.deleteRecursively(child);
                }
            }
        } catch (IOException e) {
            throw new LaunchException("cannot wipe " + root + ": " + e.getMessage(), e);
        }
    }

    /** Creates the sub-folders the stack writes to. */
    void createLayout(Iterable<String> services) {
        try {
            for (Path dir : new Path[] {kafka(), redis(), logs(), apps(), run()}) {
                Files.createDirectories(dir);
            }
            for (String service : services) {
                Files.createDirectories(service(service));
            }
        } catch (IOException e) {
            throw new LaunchException("cannot create folders in " + root + ": " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path redis() {
        return root.resolve("redis");
    }

    Path service(String name) {
        return root.resolve("services").resolve(name);
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    Path apps() {
        return root.resolve("apps");
    }

    Path run() {
        return root.resolve(RUN);
    }

    Path properties() {
        return root.resolve("stack.properties");
    }

    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + root, e);
        }
    }

    private static FileChannel lock(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim();
            channel.close();
            throw new LaunchException(lockFile.getParent().getParent() + " is in use by a running stack"
                    + (holder.isEmpty() ? "" : " (launcher pid " + holder + ")")
                    + "; stop it first, or choose another --data-dir.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        return channel;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }
}
