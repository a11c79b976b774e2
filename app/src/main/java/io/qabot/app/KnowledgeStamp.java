package io.qabot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cheap summary of the knowledge files' state: every file's path, size and modification time,
 * hashed. Polled on a timer rather than a {@code WatchService}, which does not watch folders
 * recursively, misses changes on network and container volumes, and coalesces events anyway;
 * a changed stamp only asks for a reload, which itself finds out what changed.
 */
final class KnowledgeStamp {
    private KnowledgeStamp() {
    }

    static String of(List<Path> paths) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                sha.update(("missing " + path + "\n").getBytes(StandardCharsets.UTF_8));
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        sha.update((file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis()
                                + "\n").getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        sha.update(("unreadable " + file + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                sha.update(("unreadable " + path + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
