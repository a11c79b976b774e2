package io.qabot.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Loads the configuration once, at start-up: the YAML file, overridden by {@code QABOT_…}
 * environment variables, validated into a {@link QabotConfig}.
 *
 * <pre>{@code
 * QabotConfig config = ConfigLoader.load(configFile, System.getenv(), log::warn);
 * }</pre>
 *
 * The environment is a parameter, read nowhere else, so tests pass a map and the app passes
 * {@code System.getenv()}.
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    /**
     * Loads, ignoring warnings.
     *
     * @see #load(Optional, Map, Consumer)
     */
    public static QabotConfig load(Optional<Path> file, Map<String, String> env) {
        return load(file, env, warning -> { });
    }

    /**
     * Reads {@code file} (if given), lays {@code env} over it and validates the result.
     *
     * @param file the {@code --config} file; empty means defaults and environment only
     * @param env the process environment; only {@code QABOT_…} variables are read
     * @param warnings receives one line per problem that does not stop start-up, such as a
     *     {@code QABOT_…} variable that names no setting
     * @throws ConfigException with a one-line message naming the first bad setting
     */
    public static QabotConfig load(Optional<Path> file, Map<String, String> env, Consumer<String> warnings) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(warnings, "warnings");

        ObjectNode fileTree = file.map(new ConfigFileReader()::read)
                .orElseGet(JsonNodeFactory.instance::objectNode);
        SettingSchema.checkFile(fileTree);
        EnvironmentOverlay overlay = new EnvironmentOverlay(env);
        ObjectNode merged = overlay.apply(fileTree);
        overlay.unknownVariableWarnings().forEach(warnings);
        return new ConfigBinder(merged).bind();
    }
}
