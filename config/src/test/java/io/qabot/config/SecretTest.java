package io.qabot.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

    @TempDir
    Path tmp;

    @Test
    void toStringNeverShowsTheValue() {
        Secret secret = Secret.of("hunter2");

        assertEquals("Secret[***]", secret.toString());
        assertEquals("hunter2", secret.value());
        assertArrayEquals("hunter2".getBytes(StandardCharsets.UTF_8), secret.bytes());
    }

    @Test
    void comparesByValueAndMatchesCandidates() {
        assertEquals(Secret.of("a"), Secret.of("a"));
        assertNotEquals(Secret.of("a"), Secret.of("b"));
        assertTrue(Secret.of("tok").matches("tok"));
        assertFalse(Secret.of("tok").matches("to"));
        assertFalse(Secret.of("tok").matches(null));
    }

    @Test
    void bytesAreACopy() {
        Secret secret = Secret.of("abc");
        secret.bytes()[0] = 'x';
        assertEquals("abc", secret.value());
    }

    @Test
    void anEmptySecretIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Secret.of(""));
    }

    @Test
    void theWholeConfigsToStringContainsNoSecretValue() throws Exception {
        ConfigFiles files = new ConfigFiles(tmp);
        Map<String, String> env = Map.of("QABOT_KNOWLEDGE", files.folder("kb").toString());
        QabotConfig config = ConfigLoader.load(Optional.of(ConfigFiles.example()), env);

        String text = config.toString();

        List<String> secretValues = secretValuesOf(new YAMLMapper().readTree(ConfigFiles.example().toFile()));
        assertTrue(secretValues.size() >= 20, "the example sets every secret: " + secretValues);
        for (String value : secretValues) {
            assertFalse(text.contains(value), "toString() shows " + value);
        }
        assertTrue(text.contains("Secret[***]"));
    }

    // Every value in the example at a path the schema marks as a secret.
    private static List<String> secretValuesOf(JsonNode example) {
        List<String> values = new ArrayList<>();
        SettingSchema.forEachSetting((path, node) -> {
            if (node == SettingSchema.Leaf.SECRET) {
                JsonNode value = example.at("/" + path.replace('.', '/'));
                if (!value.isMissingNode()) {
                    values.add(value.asText());
                }
            }
        });
        return values;
    }
}
