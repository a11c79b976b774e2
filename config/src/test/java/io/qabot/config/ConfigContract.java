package io.qabot.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;

/**
 * What every fuzz target of the loader checks: {@link ConfigLoader#load} either returns a
 * configuration or throws a {@link ConfigException} whose message is one line that names the
 * setting (or the file) before a colon and never shows a secret. Anything else it throws
 * escapes and is the finding.
 */
final class ConfigContract {
    private ConfigContract() {
    }

    static void loadsOrSaysWhatIsWrong(Optional<Path> file, Map<String, String> env, String secretToHide) {
        QabotConfig config;
        try {
            config = ConfigLoader.load(file, env);
        } catch (ConfigException e) {
            assertClear(e, secretToHide);
            return;
        }
        assertNotNull(config, "load returned null instead of a configuration");
    }

    private static void assertClear(ConfigException e, String secretToHide) {
        String message = e.getMessage();
        assertNotNull(message, "a ConfigException without a message");
        assertFalse(message.isBlank(), "a ConfigException with a blank message");
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "not one line: " + message);
        int colon = message.indexOf(": ");
        assertTrue(colon > 0, () -> "names no setting before a colon: " + message);
        if (secretToHide != null) {
            assertFalse(message.contains(secretToHide), () -> "shows a secret: " + message);
        }
    }
}
