package io.mystocks.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class-data archive of one service, {@code cds/<name>.jsa}: the classes the service loaded at start-up,
 * already parsed and verified, mapped into memory on later starts.
 *
 * <p>Design note: the archive is written while the service runs, once it is healthy ({@code jcmd VM.cds
 * dynamic_dump}), rather than when it exits ({@code -XX:+AutoCreateSharedArchive}). Writing it takes a
 * Spring service several seconds of CPU, more than the shutdown grace period on a busy two-core machine,
 * where an exit-time archive would be cut off by SIGKILL on every stop and never exist. The archive is
 * valid for one unpacked jar and one JVM build; either changing makes a new one.
 */
final class ClassDataArchive {
    private static final Logger log = LoggerFactory.getLogger(ClassDataArchive.class);

    private final Path archive;
    private final Path stamp;
    private final String source;

    private ClassDataArchive(Path archive, String source) {
        this.archive = archive;
        this.stamp = archive.resolveSibling(archive.getFileName() + ".source");
        this.source = source;
    }

    /** The archive {@code cdsDir/<name>.jsa} for a service run from {@code jar} on this JVM. */
    static ClassDataArchive of(Path cdsDir, String name, Path jar) {
        String source;
        try {
            source = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                    + "|" + Runtime.version();
        } catch (IOException e) {
            source = "unreadable " + jar;
        }
        return new ClassDataArchive(cdsDir.resolve(name + ".jsa"), source);
    }

    /** Usable: written for this jar and this JVM. */
    boolean isValid() {
        try {
            return Files.isRegularFile(archive) && Files.exists(stamp) && Files.readString(stamp).equals(source);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The JVM options that map a valid archive, or that allow one to be written later. The JVM's own archive
     * messages are off: with {@code --enable-native-access} it reports every start as an error, although it
     * maps the archive all the same, and a service whose archive cannot be used just starts more slowly.
     */
    List<String> jvmOptions() {
        return List.of(isValid() ? "-XX:SharedArchiveFile=" + archive : "-XX:+RecordDynamicDumpInfo",
                "-Xlog:cds=off,aot=off");
    }

    /**
     * Asks the running JVM {@code pid}, started with {@link #jvmOptions()} while the archive was not valid, to
     * write it.
     *
     * @return whether a new archive is in place
     */
    boolean writeFrom(long pid, Path jcmd, Duration timeout) throws InterruptedException {
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        Path output = archive.resolveSibling(archive.getFileName() + ".log");
        try {
            Files.deleteIfExists(partial);
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump",
                    partial.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                log.warn("Writing {} took longer than {}; gave up", archive, timeout);
                return false;
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(partial)) {
                log.warn("Could not write {}: {}", archive,
                        String.join(" ", LogTail.lastLines(output, 5)).replaceAll("\\s+", " "));
                return false;
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(stamp, source);
            Files.deleteIfExists(output);
            return true;
        } catch (IOException e) {
            log.warn("Could not write {}", archive, e);
            return false;
        }
    }

    Path path() {
        return archive;
    }
}
