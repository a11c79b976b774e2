package io.qabot.knowledge;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A fingerprint of the code an analysis depends on: the knowledge module's classes and
 * resources (so any change to the analyser, the glossary or the parsers makes old files
 * unusable without anyone remembering to bump a number) and Lucene's version.
 */
final class CodeVersion {
    static final String CURRENT = compute();

    private CodeVersion() {
    }

    private static String compute() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        sha.update(("lucene " + org.apache.lucene.util.Version.LATEST)
                .getBytes(StandardCharsets.UTF_8));
        String prefix = "io/qabot/knowledge/";
        try {
            Path location = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve(prefix))) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(location.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    List<ZipEntry> entries = new ArrayList<>();
                    for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        ZipEntry entry = e.nextElement();
                        if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
                            entries.add(entry);
                        }
                    }
                    entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
                    for (ZipEntry entry : entries) {
                        sha.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                        // the CRC and size of each entry, from the jar's directory: no need to inflate it
                        sha.update(ByteBuffer.allocate(16).putLong(entry.getCrc()).putLong(entry.getSize()).array());
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // code we cannot fingerprint never trusts a file: a fresh value every run
            sha.update(("unknown " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
