package io.qabot.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as the {@code --config} file: a configuration or one clear line, never a stack
 * trace. Seeds: the example configuration and pieces of it, in
 * {@code ConfigFileFuzzTestInputs/anyConfigFileLoadsOrFailsWithOneLineNamingTheSetting/}.
 */
class ConfigFileFuzzTest {
    @TempDir
    static Path dir;

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyConfigFileLoadsOrFailsWithOneLineNamingTheSetting(byte[] yaml) throws IOException {
        Path file = Files.write(dir.resolve("qabot.yaml"), yaml);
        ConfigContract.loadsOrSaysWhatIsWrong(Optional.of(file), Map.of(), null);
    }
}
