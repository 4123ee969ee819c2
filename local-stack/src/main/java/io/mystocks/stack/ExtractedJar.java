package io.mystocks.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spring Boot executable jar unpacked into a plain jar plus its libraries: classes load straight from
 * ordinary jars instead of through the nested-jar class loader, so a service starts faster. It is also
 * the layout the JVM's class-data sharing needs, should an archive be added later.
 *
 * <p>The unpacked copy is remade whenever the executable jar changes (size or modification time), and
 * made in a temporary folder first, so a half-written copy is never used.
 */
final class ExtractedJar {
    private static final Logger log = LoggerFactory.getLogger(ExtractedJar.class);
    private static final String STAMP = ".source";
    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIB = "BOOT-INF/lib/";
    private static final String NATIVE_ACCESS = "Enable-Native-Access";

    private ExtractedJar() {
    }

    /**
     * The unpacked form of {@code executableJar} in {@code dir}, made if missing or stale; empty when the jar
     * is not a Spring Boot executable jar or cannot be unpacked, in which case it is run as it is.
     */
    static Optional<Path> of(Path executableJar, Path dir) {
        try {
            String source = stamp(executableJar);
            Path appJar = dir.resolve(executableJar.getFileName());
            if (Files.isRegularFile(appJar) && source.equals(readStamp(dir))) {
                return Optional.of(appJar);
            }
            return extract(executableJar, dir, source);
        } catch (IOException e) {
            log.warn("Cannot unpack {} into {}; running it as it is",
                    executableJar, dir, e);
            return Optional.empty();
        }
    }

    private static Optional<Path> extract(Path executableJar, Path dir, String source) throws IOException {
        try (JarFile jar = new JarFile(executableJar.toFile())) {
            Manifest manifest = jar.getManifest();
            String startClass = manifest == null ? null : manifest.getMainAttributes().getValue("Start-Class");
            if (startClass == null) {
                return Optional.empty();
            }
            Path staging = dir.resolveSibling(dir.getFileName() + ".tmp");
            Folders.deleteRecursively(staging);
            Files.createDirectories(staging.resolve("lib"));
            List<String> libraries = copyLibraries(jar, staging.resolve("lib"));
            writeApplicationJar(jar, manifest, startClass, libraries, staging.resolve(executableJar.getFileName()));
            Files.writeString(staging.resolve(STAMP), source);
            Folders.deleteRecursively(dir);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            log.info("Unpacked {} into {} for class-data sharing", executableJar.getFileName(), dir);
            return Optional.of(dir.resolve(executableJar.getFileName()));
        }
    }

    /** Copies every library in the order of the classpath index, which is the order the JVM must see them in. */
    private static List<String> copyLibraries(JarFile jar, Path libDir) throws IOException {
        List<String> names = classpathIndex(jar);
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            if (name.startsWith(LIB) && !entry.isDirectory()) {
                String file = name.substring(LIB.length());
                if (!file.startsWith("spring-boot-jarmode-")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, libDir.resolve(file));
                    }
                    if (!names.contains(file)) {
                        names.add(file);
                    }
                }
            }
        }
        names.removeIf(file -> !Files.exists(libDir.resolve(file)));
        return names;
    }

    private static List<String> classpathIndex(JarFile jar) throws IOException {
        List<String> names = new ArrayList<>();
        JarEntry index = jar.getJarEntry("BOOT-INF/classpath.idx");
        if (index == null) {
            return names;
        }
        try (InputStream in = jar.getInputStream(index)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String entry = line.replaceFirst("^- ", "").replace("\"", "").trim();
                if (entry.startsWith(LIB)) {
                    names.add(entry.substring(LIB.length()));
                }
            }
        }
        return names;
    }

    private static void writeApplicationJar(JarFile jar, Manifest original, String startClass,
                                            List<String> libraries, Path target) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, startClass);
        attributes.put(Attributes.Name.CLASS_PATH,
                String.join(" ", libraries.stream().map(library -> "lib/" + library).toList()));
        String nativeAccess = original.getMainAttributes().getValue(NATIVE_ACCESS);
        if (nativeAccess != null) {
            attributes.putValue(NATIVE_ACCESS, nativeAccess);
        }
        try (OutputStream file = Files.newOutputStream(target);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(CLASSES) && entry.getName().length() > CLASSES.length()) {
                    out.putNextEntry(new JarEntry(entry.getName().substring(CLASSES.length())));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    private static String stamp(Path jar) throws IOException {
        return jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
    }

    private static String readStamp(Path dir) throws IOException {
        Path stamp = dir.resolve(STAMP);
        return Files.exists(stamp) ? Files.readString(stamp) : "";
    }
}
