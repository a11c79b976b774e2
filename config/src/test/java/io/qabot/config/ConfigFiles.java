package io.qabot.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Writes YAML into a test's temporary folder and loads it, so tests read as data. */
final class ConfigFiles {

    private final Path dir;

    ConfigFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder(String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    QabotConfig load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(Optional.of(write("qabot.yaml", yaml)), env);
    }

    /**
     * The fully commented example at the repository path {@code config/qabot.example.yaml}: the
     * one users copy, read here directly so the tests check the file people see.
     */
    static Path example() {
        Path root = Path.of(System.getProperty("qabot.root", "..")).toAbsolutePath().normalize();
        return root.resolve("config").resolve("qabot.example.yaml");
    }
}
