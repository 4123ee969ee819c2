package io.mystocks.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small runnable jars from single test classes, as stand-ins for the service jars. */
final class TestJars {
    private TestJars() {
    }

    static Path runnable(Class<?> mainClass, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        String entry = mainClass.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream stream = new JarOutputStream(file, manifest);
             InputStream classFile = mainClass.getClassLoader().getResourceAsStream(entry)) {
            stream.putNextEntry(new JarEntry(entry));
            classFile.transferTo(stream);
            stream.closeEntry();
        }
        return jar;
    }
}
