package io.qabot.app;

import io.qabot.config.ConfigException;
import io.qabot.config.ConfigLoader;
import io.qabot.config.QabotConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The configuration as the commands see it: the file named by {@code --config} (if any) with
 * the environment over it. A configuration error is bad input: one line, exit status 2.
 */
final class Configuration {
    private final Map<String, String> environment;
    private final Consumer<String> warnings;

    Configuration(Map<String, String> environment, Consumer<String> warnings) {
        this.environment = environment;
        this.warnings = warnings;
    }

    QabotConfig load(String file) {
        try {
            return ConfigLoader.load(Optional.ofNullable(file).map(Path::of), environment, warnings);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** How sure the matcher must be before the bot answers. */
    io.qabot.config.MatchingConfig matching(String file) {
        return load(file).matching();
    }

    /** The configured knowledge paths; empty means the sample knowledge. */
    List<Path> knowledge(String file) {
        return load(file).knowledge();
    }
}
