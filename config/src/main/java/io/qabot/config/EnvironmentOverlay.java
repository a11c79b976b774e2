package io.qabot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lays the {@code QABOT_…} environment variables over the file's tree, so that the binder sees
 * one tree and validates a value the same way wherever it came from.
 *
 * <p>Rules: a variable overrides the file; an empty variable counts as unset (so a compose file
 * can blank out an inherited value); lists are comma-separated; a secret may instead be read
 * from the file named by {@code …_FILE}, with trailing line breaks removed.
 *
 * <p>Unknown {@code QABOT_…} variables are reported as warnings, not errors: unlike the config
 * file, the environment is shared with the launcher script, the container image and whatever
 * else runs beside qabot, and the operator cannot always clean it. A misspelt variable that
 * matters still shows up, because the setting it was meant for then fails or keeps its default,
 * and the warning says which known name was probably meant.
 */
final class EnvironmentOverlay {

    private static final String PREFIX = "QABOT_";
    private static final String FILE_SUFFIX = "_FILE";

    /**
     * Variables that are not settings but are read before the configuration is: by the logging
     * set-up ({@code logback.xml}), the launcher script and the container's entry point. They
     * are known, so not warned about; those with a fixed set of values are checked here, since
     * logging has no way to say it was misconfigured (a misspelt format silences the log).
     */
    private static final Map<String, Set<String>> READ_ELSEWHERE = Map.of(
            "QABOT_LOG_FORMAT", Set.of("text", "json"),
            "QABOT_LOG_LEVEL", Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"),
            "QABOT_JAVA_OPTS", Set.of(),
            "QABOT_CONFIG", Set.of());

    private final Map<String, String> env;

    EnvironmentOverlay(Map<String, String> env) {
        this.env = env;
    }

    /** A copy of {@code fileTree} with every setting that has a (non-empty) variable replaced by it. */
    ObjectNode apply(ObjectNode fileTree) {
        ObjectNode merged = fileTree.deepCopy();
        SettingSchema.forEachSetting((path, node) -> {
            String name = SettingSchema.envName(path);
            Optional<String> value = node == SettingSchema.Leaf.SECRET ? secret(path, name) : variable(name);
            value.ifPresent(text -> put(merged, path, node == SettingSchema.Leaf.VALUE || node == SettingSchema.Leaf.SECRET
                    ? TextNode.valueOf(text)
                    : commaSeparated(text)));
        });
        return merged;
    }

    /** One warning per {@code QABOT_…} variable that names no setting, in name order. */
    List<String> unknownVariableWarnings() {
        Set<String> known = new TreeSet<>();
        SettingSchema.forEachSetting((path, node) -> {
            known.add(SettingSchema.envName(path));
            if (node == SettingSchema.Leaf.SECRET) {
                known.add(SettingSchema.envName(path) + FILE_SUFFIX);
            }
        });
        known.addAll(READ_ELSEWHERE.keySet());
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            Set<String> values = READ_ELSEWHERE.getOrDefault(name, Set.of());
            String value = env.get(name);
            // logback reads a level in any case, the format's appender name only as written
            String compared = name.equals("QABOT_LOG_LEVEL") ? value.toUpperCase(Locale.ROOT) : value;
            if (!values.isEmpty() && !value.isEmpty() && !values.contains(compared)) {
                warnings.add(name + ": \"" + value + "\" is not one of " + new TreeSet<>(values));
            }
            if (name.startsWith(PREFIX) && !known.contains(name)) {
                warnings.add(name + " is not a qabot setting and is ignored" + suggestion(name, known));
            }
        }
        return warnings;
    }

    private Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private Optional<String> secret(String path, String name) {
        Optional<String> direct = variable(name);
        Optional<String> file = variable(name + FILE_SUFFIX);
        if (direct.isPresent() && file.isPresent()) {
            throw new ConfigException(path + ": both " + name + " and " + name + FILE_SUFFIX + " are set; set one");
        }
        return file.isPresent() ? Optional.of(readSecretFile(path, name + FILE_SUFFIX, file.get())) : direct;
    }

    private static String readSecretFile(String path, String variable, String fileName) {
        try {
            String content = Files.readString(Path.of(fileName));
            // Files written with echo or an editor end in a line break that is not part of the secret.
            return content.replaceFirst("[\\r\\n]+$", "");
        } catch (NoSuchFileException e) {
            throw new ConfigException(path + ": " + variable + " names " + fileName + ", which does not exist", e);
        } catch (IOException | InvalidPathException e) {
            throw new ConfigException(path + ": " + variable + " names " + fileName + ", which cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static ArrayNode commaSeparated(String text) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                list.add(item.strip());
            }
        }
        return list;
    }

    // Creates the sections on the way, which is how a variable alone turns a connector on.
    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] keys = path.split("\\.");
        ObjectNode section = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = section.get(keys[i]);
            if (child instanceof ObjectNode object) {
                section = object;
            } else {
                section = section.putObject(keys[i]); // absent or null (SettingSchema.checkFile allows nothing else)
            }
        }
        section.set(keys[keys.length - 1], value);
    }

    private static String suggestion(String name, Set<String> known) {
        return NearestName.among(name, known).map(best -> " (did you mean " + best + "?)").orElse("");
    }
}
