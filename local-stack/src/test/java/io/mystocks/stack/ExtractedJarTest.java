package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedJarTest {
    @TempDir
    Path dir;

    @Test
    void anExecutableJarUnpacksIntoAJarThatRunsWithItsLibraries() throws Exception {
        Path executable = executableJar("first");

        Optional<Path> extracted = ExtractedJar.of(executable, dir.resolve("apps/app"));

        assertThat(extracted).contains(dir.resolve("apps/app/app-exec.jar"));
        assertThat(dir.resolve("apps/app/lib/library.jar")).exists();
        assertThat(run(extracted.orElseThrow())).isEqualTo("first");
    }

    @Test
    void anUnchangedJarIsNotUnpackedAgain() throws Exception {
        Path executable = executableJar("same");
        Path extracted = ExtractedJar.of(executable, dir.resolve("apps/app")).orElseThrow();
        FileTime written = Files.getLastModifiedTime(extracted);
        Files.setLastModifiedTime(extracted, FileTime.fromMillis(written.toMillis() - 60_000));

        ExtractedJar.of(executable, dir.resolve("apps/app"));

        assertThat(Files.getLastModifiedTime(extracted).toMillis()).isEqualTo(written.toMillis() - 60_000);
    }

    @Test
    void aRebuiltJarIsUnpackedAgain() throws Exception {
        Path executable = executableJar("old");
        ExtractedJar.of(executable, dir.resolve("apps/app"));
        Files.delete(executable);
        executableJar("rebuilt");
        Files.setLastModifiedTime(executable, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        Path extracted = ExtractedJar.of(executable, dir.resolve("apps/app")).orElseThrow();

        assertThat(run(extracted)).isEqualTo("rebuilt");
    }

    @Test
    void aPlainJarIsRunAsItIs() throws IOException {
        Path plain = dir.resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ExtractedMain.class.getName());
        try (OutputStream out = Files.newOutputStream(plain);
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("x.txt"));
        }

        assertThat(ExtractedJar.of(plain, dir.resolve("apps/plain"))).isEmpty();
    }

    /** A jar in Spring Boot's executable layout: the application in BOOT-INF/classes, a library in BOOT-INF/lib. */
    private Path executableJar(String marker) throws IOException {
        Path jar = dir.resolve("app-exec.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS,
                "org.springframework.boot.loader.launch.JarLauncher");
        manifest.getMainAttributes().putValue("Start-Class", ExtractedMain.class.getName());
        manifest.getMainAttributes().putValue("Enable-Native-Access", "ALL-UNNAMED");
        String mainClass = ExtractedMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream fat = new JarOutputStream(out, manifest);
             InputStream classFile = ExtractedMain.class.getClassLoader().getResourceAsStream(mainClass)) {
            fat.putNextEntry(new JarEntry("BOOT-INF/classes/" + mainClass));
            classFile.transferTo(fat);
            fat.putNextEntry(new JarEntry("BOOT-INF/classpath.idx"));
            fat.write("- \"BOOT-INF/lib/library.jar\"\n".getBytes(StandardCharsets.UTF_8));
            byte[] library = libraryJar(marker);
            ZipEntry stored = new JarEntry("BOOT-INF/lib/library.jar");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(library.length);
            stored.setCrc(crc(library));
            fat.putNextEntry(stored);
            fat.write(library);
        }
        return jar;
    }

    private static byte[] libraryJar(String marker) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream library = new JarOutputStream(bytes)) {
            library.putNextEntry(new JarEntry("library-marker.txt"));
            library.write(marker.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static String run(Path jar) throws Exception {
        Process process = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
