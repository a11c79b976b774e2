package io.qabot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingSchemaTest {

    @Test
    void theEnvironmentNameIsThePathInUpperCaseWithDotsAndCamelCaseAsUnderscores() {
        assertEquals("QABOT_CONNECTORS_SLACK_SIGNING_SECRET", SettingSchema.envName("connectors.slack.signingSecret"));
        assertEquals("QABOT_HTTP_MAX_BODY_BYTES", SettingSchema.envName("http.maxBodyBytes"));
        assertEquals("QABOT_CONNECTORS_WECOM_ENCODING_AES_KEY", SettingSchema.envName("connectors.wecom.encodingAesKey"));
        assertEquals("QABOT_ESCALATION_MAINTAINERS_CHAT_PLATFORM", SettingSchema.envName("escalation.maintainersChat.platform"));
        assertEquals("QABOT_CONNECTORS_IRC_SASL_PASSWORD", SettingSchema.envName("connectors.irc.saslPassword"));
    }

    @Test
    void theContractsShortNamesAreTheRuleNamesOfTopLevelSettings() {
        Set<String> names = allEnvNames();
        for (String alias : List.of("QABOT_HTTP_HOST", "QABOT_HTTP_PORT", "QABOT_KNOWLEDGE", "QABOT_DATA_DIR",
                "QABOT_DATABASE_URL", "QABOT_ADMIN_TOKEN", "QABOT_WEBHOOK_SECRET", "QABOT_WEBHOOK_CALLBACK_URL")) {
            assertTrue(names.contains(alias), alias);
        }
    }

    @Test
    void everySettingHasItsOwnEnvironmentName() {
        List<String> names = new ArrayList<>();
        SettingSchema.forEachSetting((path, node) -> names.add(SettingSchema.envName(path)));
        assertEquals(names.size(), new HashSet<>(names).size(), names.toString());
    }

    @Test
    void theDocumentedExampleShowsEverySetting() throws Exception {
        JsonNode example = new YAMLMapper().readTree(ConfigFiles.example().toFile());
        List<String> missing = new ArrayList<>();
        SettingSchema.forEachSetting((path, node) -> {
            if (example.at("/" + path.replace('.', '/')).isMissingNode()) {
                missing.add(path);
            }
        });
        assertEquals(List.of(), missing, "add these to config/qabot.example.yaml");
    }

    private static Set<String> allEnvNames() {
        Set<String> names = new HashSet<>();
        SettingSchema.forEachSetting((path, node) -> names.add(SettingSchema.envName(path)));
        return names;
    }
}
