package io.qabot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each message exactly: the app prints it as the single line explaining exit status 2. */
class ConfigErrorsTest {

    @TempDir
    Path tmp;

    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(tmp);
    }

    private String errorFromEnv(Map<String, String> env) {
        return oneLine(assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(), env)));
    }

    private String errorFromFile(String yaml) {
        return oneLine(assertThrows(ConfigException.class, () -> files.load(yaml, Map.of())));
    }

    private static String oneLine(ConfigException e) {
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aConnectorThatIsOnNeedsEachOfItsSecrets() {
        assertEquals("connectors.slack.signingSecret: missing (set QABOT_CONNECTORS_SLACK_SIGNING_SECRET or "
                        + "QABOT_CONNECTORS_SLACK_SIGNING_SECRET_FILE)",
                errorFromEnv(Map.of("QABOT_CONNECTORS_SLACK_BOT_TOKEN", "xoxb-1")));
        assertEquals("connectors.slack.signingSecret: missing (set QABOT_CONNECTORS_SLACK_SIGNING_SECRET or "
                + "QABOT_CONNECTORS_SLACK_SIGNING_SECRET_FILE)", errorFromFile("connectors:\n  slack: {}\n"));
        assertEquals("connectors.feishu.verificationToken: missing (set QABOT_CONNECTORS_FEISHU_VERIFICATION_TOKEN or "
                        + "QABOT_CONNECTORS_FEISHU_VERIFICATION_TOKEN_FILE)",
                errorFromFile("connectors:\n  feishu: {appId: cli_1, appSecret: s}\n"));
    }

    @Test
    void telegramInWebhookModeNeedsItsSecretToken() {
        assertEquals("connectors.telegram.secretToken: missing (required in webhook mode)",
                errorFromEnv(Map.of("QABOT_CONNECTORS_TELEGRAM_BOT_TOKEN", "1:x")));
    }

    @Test
    void aPortThatIsNotANumberNamesTheSettingAndTheValue() {
        assertEquals("http.port: \"80a\" is not a port number (1-65535)", errorFromEnv(Map.of("QABOT_HTTP_PORT", "80a")));
        assertEquals("http.port: \"80a\" is not a port number (1-65535)", errorFromFile("http:\n  port: 80a\n"));
        assertEquals("http.port: \"70000\" is not a port number (1-65535)", errorFromFile("http:\n  port: 70000\n"));
    }

    @Test
    void aKnowledgePathThatDoesNotExistIsNamedByItsIndex() {
        Path kb = files.folder("kb");
        assertEquals("knowledge[1]: folder /x/y does not exist", errorFromEnv(Map.of("QABOT_KNOWLEDGE", kb + ",/x/y")));
        assertEquals("knowledge[0]: file /x/faq.md does not exist", errorFromFile("knowledge: [/x/faq.md]\n"));
    }

    @Test
    void anUnknownKeyInTheFileFailsWithItsFullPath() {
        assertEquals("connectors.slak: unknown setting (did you mean slack?)", errorFromFile("connectors:\n  slak:\n    botToken: x\n"));
        assertEquals("http.prot: unknown setting (did you mean port?)", errorFromFile("http:\n  prot: 8080\n"));
        assertEquals("http.listen: unknown setting", errorFromFile("http:\n  listen: 8080\n"));
        assertEquals("chats[1].moed: unknown setting (did you mean mode?)",
                errorFromFile("chats:\n  - {platform: slack, chat: C1, mode: auto}\n  - {platform: slack, chat: C2, moed: auto}\n"));
    }

    @Test
    void aKeyWithoutANameIsNamedByWhereItStands() {
        // found by ConfigFileFuzzTest: YAML's "?" alone is a null key, and the message named nothing
        assertEquals("top level: a setting without a name", errorFromFile("?\n"));
        assertEquals("http: a setting without a name", errorFromFile("http:\n  ? \n"));
    }

    @Test
    void aMisspeltKeyIsReportedBeforeTheSettingItLeftMissing() {
        assertEquals("connectors.slack.signingSecert: unknown setting (did you mean signingSecret?)",
                errorFromFile("connectors:\n  slack:\n    signingSecert: s\n    botToken: t\n"));
    }

    @Test
    void aValueWhereASectionBelongsIsAnError() {
        assertEquals("http: expected a section (key: value lines), got a single value", errorFromFile("http: 8080\n"));
        assertEquals("http.port: expected a single value, got a list", errorFromFile("http:\n  port: [1, 2]\n"));
    }

    @Test
    void malformedYamlNamesTheFileAndLine() {
        Path file = files.write("broken.yaml", "http:\n  port: 8080\n   host: x\n");

        String message = oneLine(assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of())));

        assertTrue(message.startsWith(file + " line 3: malformed YAML ("), message);
    }

    @Test
    void aTabIndentIsReportedOnItsOwnLine() {
        Path file = files.write("tabs.yaml", "http:\n\tport: 8080\n");

        String message = oneLine(assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of())));

        assertTrue(message.startsWith(file + " line 2: malformed YAML ("), message);
    }

    @Test
    void aRepeatedKeyIsMalformedRatherThanSilentlyOverwritten() {
        Path file = files.write("dup.yaml", "http:\n  port: 1\n  port: 2\n");

        String message = oneLine(assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of())));

        assertTrue(message.startsWith(file + " line 3: malformed YAML (Duplicate field 'port'"), message);
    }

    @Test
    void aMissingConfigFileIsAnError() {
        Path file = tmp.resolve("nope.yaml");
        assertEquals("config file " + file + " does not exist",
                oneLine(assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()))));
    }

    @Test
    void aMissingSecretFileNamesTheVariable() {
        assertEquals("adminToken: QABOT_ADMIN_TOKEN_FILE names /run/secrets/none, which does not exist",
                errorFromEnv(Map.of("QABOT_ADMIN_TOKEN_FILE", "/run/secrets/none")));
    }

    @Test
    void aSecretGivenBothDirectlyAndByFileIsAmbiguous() {
        Path token = files.write("token", "t");
        assertEquals("adminToken: both QABOT_ADMIN_TOKEN and QABOT_ADMIN_TOKEN_FILE are set; set one",
                errorFromEnv(Map.of("QABOT_ADMIN_TOKEN", "t", "QABOT_ADMIN_TOKEN_FILE", token.toString())));
    }

    @Test
    void badTypedValuesNameTheSettingAndTheValue() {
        assertEquals("http.idleTimeout: \"5x\" is not a duration (like 250ms, 30s, 5m, 1h or PT30S)",
                errorFromEnv(Map.of("QABOT_HTTP_IDLE_TIMEOUT", "5x")));
        assertEquals("http.idleTimeout: \"30\" is not a duration (like 250ms, 30s, 5m, 1h or PT30S)",
                errorFromEnv(Map.of("QABOT_HTTP_IDLE_TIMEOUT", "30")));
        assertEquals("http.headerTimeout: \"0s\" must be longer than zero",
                errorFromEnv(Map.of("QABOT_HTTP_HEADER_TIMEOUT", "0s")));
        assertEquals("http.maxBodyBytes: \"1GiB\" is too large (at most 268435456 bytes)",
                errorFromEnv(Map.of("QABOT_HTTP_MAX_BODY_BYTES", "1GiB")));
        assertEquals("webhook.callbackUrl: \"ftp://example.org/x\" is not an http(s) URL",
                errorFromEnv(Map.of("QABOT_WEBHOOK_SECRET", "s", "QABOT_WEBHOOK_CALLBACK_URL", "ftp://example.org/x")));
        assertEquals("connectors.telegram.mode: \"hook\" is not one of webhook, polling",
                errorFromEnv(Map.of("QABOT_CONNECTORS_TELEGRAM_BOT_TOKEN", "1:x", "QABOT_CONNECTORS_TELEGRAM_MODE", "hook")));
        assertEquals("connectors.dingtalk.mode: \"push\" is not one of callback, stream",
                errorFromFile("connectors:\n  dingtalk: {appKey: k, appSecret: s, mode: push}\n"));
        assertEquals("connectors.irc.tls: \"yes please\" is not true or false",
                errorFromFile("connectors:\n  irc: {server: h, tls: yes please, channels: ['#a']}\n"));
        assertEquals("policy.maxRepliesPerMinute: \"0\" is not a whole number from 1 to 600",
                errorFromEnv(Map.of("QABOT_POLICY_MAX_REPLIES_PER_MINUTE", "0")));
        assertEquals("outbound.maxPending: \"0\" is not a whole number from 1 to 100000",
                errorFromEnv(Map.of("QABOT_OUTBOUND_MAX_PENDING", "0")));
        assertEquals("outbound.requestTimeout: \"0s\" must be longer than zero",
                errorFromEnv(Map.of("QABOT_OUTBOUND_REQUEST_TIMEOUT", "0s")));
        assertEquals("escalation.dailySummaryAt: \"25:00\" is not a time of day (like 09:30)",
                errorFromEnv(Map.of("QABOT_ESCALATION_DAILY_SUMMARY_AT", "25:00")));
        assertEquals("policy.maxQuestionLength: \"50\" is not a whole number from 100 to 100000",
                errorFromEnv(Map.of("QABOT_POLICY_MAX_QUESTION_LENGTH", "50")));
        assertEquals("escalation.relatedPosts: \"5\" is not a whole number from 0 to 3",
                errorFromEnv(Map.of("QABOT_ESCALATION_RELATED_POSTS", "5")));
        assertEquals("chats[0].acknowledge: \"sometimes\" is not true or false",
                errorFromFile("chats:\n  - {platform: slack, chat: C1, mode: auto, acknowledge: sometimes}\n"));
        assertEquals("escalation.timeZone: \"Mars/Base\" is not a time zone (like Asia/Shanghai or UTC)",
                errorFromEnv(Map.of("QABOT_ESCALATION_TIME_ZONE", "Mars/Base")));
        assertEquals("connectors.discord.gatewayUrl: \"https://gateway.discord.gg\" is not a ws/wss URL",
                errorFromEnv(Map.of("QABOT_CONNECTORS_DISCORD_BOT_TOKEN", "d",
                        "QABOT_CONNECTORS_DISCORD_GATEWAY_URL", "https://gateway.discord.gg")));
    }

    @Test
    void chatEntriesAreCheckedOneByOne() {
        assertEquals("chats[0].platform: \"slak\" is not one of webhook, slack, telegram, dingtalk, feishu, wecom, wechat, discord, irc",
                errorFromEnv(Map.of("QABOT_CHATS", "slak:C1:auto")));
        assertEquals("chats[1]: \"slack-C2\" is not platform:chat:mode (like slack:C03COMMUNITY:auto)",
                errorFromEnv(Map.of("QABOT_CHATS", "slack:C1:auto,slack-C2")));
        assertEquals("chats[0].mode: missing", errorFromFile("chats:\n  - {platform: slack, chat: C1}\n"));
        assertEquals("chats[1]: slack chat \"C1\" is already listed as chats[0]",
                errorFromEnv(Map.of("QABOT_CHATS", "slack:C1:auto,slack:C1:off")));
    }

    @Test
    void platformSpecificFormatsAreCheckedAtStartUp() {
        assertEquals("connectors.wecom.encodingAesKey: must be 43 letters and digits (it is 5 characters)",
                errorFromFile("connectors:\n  wecom: {token: t, encodingAesKey: short}\n"));
        assertEquals("connectors.irc.channels[0]: \"qabot\" is not a channel name (like #qabot; quote it in YAML, where # starts a comment)",
                errorFromEnv(Map.of("QABOT_CONNECTORS_IRC_SERVER", "h", "QABOT_CONNECTORS_IRC_CHANNELS", "qabot")));
        assertEquals("connectors.irc.channels: missing", errorFromEnv(Map.of("QABOT_CONNECTORS_IRC_SERVER", "h")));
        assertEquals("connectors.irc.saslPassword: missing (saslUser is set)",
                errorFromEnv(Map.of("QABOT_CONNECTORS_IRC_SERVER", "h", "QABOT_CONNECTORS_IRC_CHANNELS", "#a",
                        "QABOT_CONNECTORS_IRC_SASL_USER", "u")));
        assertEquals("connectors.discord.publicKey: \"abc\" is not 64 hex digits (the application's public key)",
                errorFromEnv(Map.of("QABOT_CONNECTORS_DISCORD_BOT_TOKEN", "d", "QABOT_CONNECTORS_DISCORD_PUBLIC_KEY", "abc")));
    }

    @Test
    void theMaintainersChatMustBeOnAConfiguredPlatform() {
        assertEquals("escalation.maintainersChat.platform: slack is not configured (no connectors.slack)",
                errorFromFile("escalation:\n  maintainersChat: {platform: slack, chat: C1}\n"));
        assertEquals("escalation.maintainersChat.platform: webhook needs webhook.callbackUrl to post to",
                errorFromEnv(Map.of("QABOT_WEBHOOK_SECRET", "s",
                        "QABOT_ESCALATION_MAINTAINERS_CHAT_PLATFORM", "webhook",
                        "QABOT_ESCALATION_MAINTAINERS_CHAT_CHAT", "maintainers")));
    }

    @Test
    void aCallbackUrlWithoutAWebhookSecretCannotBeSigned() {
        assertEquals("webhook.secret: missing (callbacks to webhook.callbackUrl are signed with it)",
                errorFromEnv(Map.of("QABOT_WEBHOOK_CALLBACK_URL", "http://127.0.0.1/x")));
    }

    @Test
    void aKnowledgeGitPathWithANulCharacterIsNoPathInsideTheRepositoryNotAnInvalidPathException() {
        String message = errorFromFile("knowledgeGit:\n  url: https://example.com/site.git\n  paths: [\"docs\\0x\"]\n");

        assertTrue(message.startsWith("knowledgeGit.paths[0]: "), message);
        assertTrue(message.endsWith(" is not a path inside the repository"), message);
    }

    @Test
    void anEmptySecretInTheFileIsAnErrorNotAnAbsence() {
        assertEquals("adminToken: is empty", errorFromFile("adminToken: \"\"\n"));
    }

    @Test
    void messagesAboutSecretsNeverQuoteTheirValue() {
        String message = errorFromEnv(Map.of("QABOT_DATABASE_URL", "postgresql://qabot:hunter2@db/qabot"));
        assertEquals("databaseUrl: must start with \"jdbc:\", not \"postgresql:\"", message);
        // a URL that is nothing but a scheme: quoting the scheme would quote the whole secret
        assertEquals("databaseUrl: must start with \"jdbc:\"", errorFromEnv(Map.of("QABOT_DATABASE_URL", "hunter2hunter2: ")));

        String url = errorFromFile("connectors:\n  wecom: {token: t, encodingAesKey: " + "a".repeat(43)
                + ", webhookUrl: 'qyapi/send?key=hunter2'}\n");
        assertEquals("connectors.wecom.webhookUrl: is not an http(s) URL", url);

        String token = errorFromEnv(Map.of("QABOT_CONNECTORS_TELEGRAM_BOT_TOKEN", "1:x",
                "QABOT_CONNECTORS_TELEGRAM_SECRET_TOKEN", "hunter2 with spaces"));
        assertFalse(token.contains("hunter2"), token);
    }
}
