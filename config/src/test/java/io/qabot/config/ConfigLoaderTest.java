package io.qabot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path tmp;

    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(tmp);
    }

    @Test
    void withNoFileAndNoEnvironmentEverySettingHasItsDefault() {
        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.of());

        assertEquals("127.0.0.1", config.http().host());
        assertEquals(8080, config.http().port());
        assertEquals(1024 * 1024, config.http().maxBodyBytes());
        assertEquals(Duration.ofSeconds(10), config.http().headerTimeout());
        assertEquals(Duration.ofSeconds(60), config.http().idleTimeout());
        assertEquals(Duration.ofSeconds(10), config.http().shutdownGrace());
        assertEquals(Optional.empty(), config.http().publicUrl());
        assertEquals(List.of(), config.knowledge(), "empty means the sample knowledge");
        assertEquals(Path.of("./data"), config.dataDir());
        assertEquals(Optional.empty(), config.databaseUrl());
        assertEquals(Optional.empty(), config.adminToken(), "secrets never have defaults");
        assertFalse(config.webhook().enabled());
        assertEquals(Duration.ofSeconds(300), config.webhook().maxSkew());
        assertEquals(Set.of(), config.connectors().enabled());
        assertEquals(List.of(), config.chats().rules());
        assertEquals(ChatMode.MENTION, config.chats().modeFor(Platform.SLACK, "C1"));
        assertEquals(Duration.ofMinutes(10), config.policy().cooldown());
        assertEquals(20, config.policy().maxRepliesPerMinute());
        assertEquals(2000, config.policy().maxQuestionLength());
        assertEquals(Duration.ofSeconds(10), config.outbound().requestTimeout());
        assertEquals(256, config.outbound().maxPending());
        assertEquals(Optional.empty(), config.escalation().maintainersChat());
        assertEquals(Duration.ofHours(24), config.escalation().staleAfter());
        assertEquals(Optional.empty(), config.escalation().dailySummaryAt());
    }

    @Test
    void anEmptyFileMeansAllDefaults() {
        assertEquals(ConfigLoader.load(Optional.empty(), Map.of()).toString(), files.load("", Map.of()).toString());
    }

    @Test
    void theDocumentedExampleLoadsWithEveryValueItShows() {
        Path digests = files.folder("digests");
        Path faq = files.write("faq.md", "# FAQ\n");
        // The example's knowledge paths are relative to a deployment; point them at real files.
        Map<String, String> env = Map.of("QABOT_KNOWLEDGE", digests + "," + faq);

        QabotConfig config = ConfigLoader.load(Optional.of(ConfigFiles.example()), env);

        HttpConfig http = config.http();
        assertEquals("0.0.0.0", http.host());
        assertEquals(8443, http.port());
        assertEquals(512 * 1024, http.maxBodyBytes());
        assertEquals(Duration.ofSeconds(5), http.headerTimeout());
        assertEquals(Duration.ofMinutes(2), http.idleTimeout());
        assertEquals(Duration.ofSeconds(15), http.shutdownGrace());
        assertEquals(Optional.of(URI.create("https://qabot.example.org")), http.publicUrl());
        assertEquals(List.of(digests, faq), config.knowledge());
        assertEquals(Path.of("/var/lib/qabot"), config.dataDir());
        assertTrue(config.databaseUrl().orElseThrow().value().startsWith("jdbc:postgresql://db.example.org"));
        assertEquals("example-admin-token", config.adminToken().orElseThrow().value());

        assertEquals("example-webhook-secret", config.webhook().secret().orElseThrow().value());
        assertEquals(URI.create("https://chat-bridge.example.org/qabot/replies"), config.webhook().callbackUrl().orElseThrow());
        assertEquals(Duration.ofMinutes(5), config.webhook().maxSkew());

        ConnectorsConfig connectors = config.connectors();
        assertEquals(Set.of(Platform.SLACK, Platform.TELEGRAM, Platform.DINGTALK, Platform.FEISHU, Platform.WECOM,
                Platform.WECHAT, Platform.DISCORD, Platform.IRC), connectors.enabled());

        SlackConfig slack = connectors.slack().orElseThrow();
        assertEquals("example-slack-signing-secret", slack.signingSecret().value());
        assertEquals("xoxb-example-slack-bot-token", slack.botToken().value());
        assertEquals(URI.create("https://slack.com/api"), slack.apiUrl());

        TelegramConfig telegram = connectors.telegram().orElseThrow();
        assertEquals("123456:example-telegram-bot-token", telegram.botToken().value());
        assertEquals("example-telegram-secret-token", telegram.secretToken().orElseThrow().value());
        assertEquals(TelegramConfig.Mode.WEBHOOK, telegram.mode());

        DingTalkConfig dingtalk = connectors.dingtalk().orElseThrow();
        assertEquals("dingexampleappkey", dingtalk.appKey());
        assertEquals("dingexamplerobot", dingtalk.robotCode());
        assertEquals(DingTalkConfig.Mode.STREAM, dingtalk.mode());
        assertEquals(URI.create("https://api.dingtalk.com"), dingtalk.apiUrl());
        assertTrue(dingtalk.customRobotWebhook().orElseThrow().value().contains("access_token="));
        assertEquals("SECexample-dingtalk-robot-secret", dingtalk.customRobotSecret().orElseThrow().value());

        FeishuConfig feishu = connectors.feishu().orElseThrow();
        assertEquals("cli_example", feishu.appId());
        assertEquals("example-feishu-verification-token", feishu.verificationToken().value());
        assertEquals("example-feishu-encrypt-key", feishu.encryptKey().orElseThrow().value());
        assertEquals(URI.create("https://open.feishu.cn"), feishu.apiUrl());

        WeComConfig wecom = connectors.wecom().orElseThrow();
        assertEquals(Optional.of("wwexamplecorp"), wecom.corpId());
        assertEquals(43, wecom.encodingAesKey().value().length());
        assertTrue(wecom.webhookUrl().isPresent());

        WeChatConfig wechat = connectors.wechat().orElseThrow();
        assertEquals("wxexampleappid", wechat.appId());
        assertEquals("example-wechat-token", wechat.token().value());
        assertEquals(URI.create("https://api.weixin.qq.com"), wechat.apiUrl());

        DiscordConfig discord = connectors.discord().orElseThrow();
        assertEquals(64, discord.publicKey().orElseThrow().length());
        assertEquals(URI.create("https://discord.com/api/v10"), discord.apiUrl());
        assertEquals(URI.create("wss://gateway.discord.gg"), discord.gatewayUrl());

        IrcConfig irc = connectors.irc().orElseThrow();
        assertEquals("irc.libera.chat", irc.server());
        assertEquals(6697, irc.port());
        assertTrue(irc.tls());
        assertEquals("qabot-example", irc.nick());
        assertEquals(List.of("#qabot", "#qabot-dev"), irc.channels());
        assertEquals(Optional.of("qabot-example"), irc.saslUser());

        ChatsConfig chats = config.chats();
        assertEquals(List.of(
                new ChatRule(Platform.SLACK, "C03COMMUNITY", ChatMode.AUTO),
                new ChatRule(Platform.IRC, "#qabot-dev", ChatMode.OFF),
                new ChatRule(Platform.TELEGRAM, "-1001234567890", ChatMode.MENTION, Optional.of(false)),
                new ChatRule(Platform.DINGTALK, "cidAbCdEf0123456789=", ChatMode.AUTO)), chats.rules());
        assertTrue(config.escalation().acknowledge());
        assertEquals(2, config.escalation().relatedPosts());
        assertEquals(1000, config.policy().maxQuestionLength());
        assertEquals(ChatMode.AUTO, chats.modeFor(Platform.SLACK, "C03COMMUNITY"));
        assertEquals(ChatMode.MENTION, chats.modeFor(Platform.SLACK, "C04OTHER"));
        assertEquals(ChatMode.OFF, chats.modeFor(Platform.IRC, "#elsewhere"));
        assertEquals(ChatMode.AUTO, chats.modeFor(Platform.WEBHOOK, "group-42"));

        assertEquals(Duration.ofMinutes(5), config.policy().cooldown());
        assertEquals(10, config.policy().maxRepliesPerMinute());
        assertEquals(OptionalDouble.of(0.8), config.matching().minConfidence());
        assertEquals(new OutboundConfig(Duration.ofSeconds(5), 500), config.outbound());

        EscalationConfig escalation = config.escalation();
        assertEquals(Optional.of(new ChatRef(Platform.SLACK, "C0MAINTAINERS")), escalation.maintainersChat());
        assertEquals(Duration.ofHours(12), escalation.staleAfter());
        assertEquals(Optional.of(LocalTime.of(9, 30)), escalation.dailySummaryAt());
        assertEquals(Optional.of(ZoneId.of("Asia/Shanghai")), escalation.timeZone());

        KnowledgeUpdatesConfig updates = config.knowledgeUpdates();
        assertEquals(Duration.ofSeconds(30), updates.checkEvery());
        KnowledgeGitConfig git = updates.git().orElseThrow();
        assertEquals("https://github.com/sofastack/sofastack.tech.git", git.url().value());
        assertEquals(Optional.of("master"), git.branch());
        assertEquals(List.of("content/zh/blog"), git.paths());
        assertEquals(Duration.ofMinutes(15), git.pullEvery());
    }

    @Test
    void knowledgeIsCheckedForChangesEveryTenSecondsAndNoGitRepositoryByDefault() {
        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.of());
        assertEquals(KnowledgeUpdatesConfig.DEFAULT, config.knowledgeUpdates());
    }

    @Test
    void aGitSourceCanBeSetFromTheEnvironmentAlone() {
        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.of(
                "QABOT_KNOWLEDGE_GIT_URL", "file:///srv/site.git",
                "QABOT_KNOWLEDGE_GIT_PATHS", "content/zh/blog,faq",
                "QABOT_KNOWLEDGE_RELOAD_EVERY", "0s"));
        KnowledgeGitConfig git = config.knowledgeUpdates().git().orElseThrow();
        assertEquals("file:///srv/site.git", git.url().value());
        assertEquals(Optional.empty(), git.branch());
        assertEquals(List.of("content/zh/blog", "faq"), git.paths());
        assertEquals(Duration.ofMinutes(10), git.pullEvery());
        assertEquals(Duration.ZERO, config.knowledgeUpdates().checkEvery());
    }

    @Test
    void theConfidenceToAnswerAtIsTheFittedOneUnlessTheFileOrTheEnvironmentSetsIt() {
        assertEquals(OptionalDouble.empty(), ConfigLoader.load(Optional.empty(), Map.of()).matching().minConfidence());
        String yaml = """
                matching:
                  minConfidence: 0.9
                """;
        assertEquals(OptionalDouble.of(0.9), files.load(yaml, Map.of()).matching().minConfidence());
        assertEquals(OptionalDouble.of(0.95),
                files.load(yaml, Map.of("QABOT_MATCHING_MIN_CONFIDENCE", "0.95")).matching().minConfidence());
        for (String bad : List.of("1.5", "-0.1", "high", "NaN")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigLoader.load(Optional.empty(), Map.of("QABOT_MATCHING_MIN_CONFIDENCE", bad)));
            assertTrue(e.getMessage().contains("matching.minConfidence") && e.getMessage().contains("from 0 to 1"),
                    e.getMessage());
        }
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        String yaml = """
                http:
                  host: 0.0.0.0
                  port: 9000
                connectors:
                  telegram:
                    botToken: from-file
                    secretToken: fromfile
                """;
        QabotConfig config = files.load(yaml, Map.of(
                "QABOT_HTTP_PORT", "9100",
                "QABOT_CONNECTORS_TELEGRAM_BOT_TOKEN", "from-env",
                "QABOT_CONNECTORS_TELEGRAM_MODE", "polling"));

        assertEquals("0.0.0.0", config.http().host(), "not overridden");
        assertEquals(9100, config.http().port());
        assertEquals("from-env", config.connectors().telegram().orElseThrow().botToken().value());
        assertEquals(TelegramConfig.Mode.POLLING, config.connectors().telegram().orElseThrow().mode());
    }

    @Test
    void everySettingIsNamedByItsPathWithCamelCaseTurnedIntoUnderscores() {
        Path kb = files.folder("kb");
        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.ofEntries(
                Map.entry("QABOT_HTTP_MAX_BODY_BYTES", "2MiB"),
                Map.entry("QABOT_HTTP_HEADER_TIMEOUT", "3s"),
                Map.entry("QABOT_CONNECTORS_SLACK_SIGNING_SECRET", "s1"),
                Map.entry("QABOT_CONNECTORS_SLACK_BOT_TOKEN", "s2"),
                Map.entry("QABOT_CONNECTORS_SLACK_API_URL", "http://127.0.0.1:9999/api/"),
                Map.entry("QABOT_CONNECTORS_WECOM_TOKEN", "t"),
                Map.entry("QABOT_CONNECTORS_WECOM_ENCODING_AES_KEY", "a".repeat(43)),
                Map.entry("QABOT_CONNECTORS_IRC_SERVER", "localhost"),
                Map.entry("QABOT_CONNECTORS_IRC_TLS", "false"),
                Map.entry("QABOT_CONNECTORS_IRC_CHANNELS", "#a, #b"),
                Map.entry("QABOT_CHAT_DEFAULTS_TELEGRAM", "auto"),
                Map.entry("QABOT_CHATS", "slack:C1:off,irc:#a:auto"),
                Map.entry("QABOT_ESCALATION_MAINTAINERS_CHAT_PLATFORM", "irc"),
                Map.entry("QABOT_ESCALATION_MAINTAINERS_CHAT_CHAT", "#a"),
                Map.entry("QABOT_ESCALATION_DAILY_SUMMARY_AT", "9:05"),
                Map.entry("QABOT_KNOWLEDGE", kb.toString())));

        assertEquals(2 * 1024 * 1024, config.http().maxBodyBytes());
        assertEquals(Duration.ofSeconds(3), config.http().headerTimeout());
        SlackConfig slack = config.connectors().slack().orElseThrow();
        assertEquals("s1", slack.signingSecret().value());
        assertEquals(URI.create("http://127.0.0.1:9999/api"), slack.apiUrl(), "trailing slash dropped");
        assertEquals("a".repeat(43), config.connectors().wecom().orElseThrow().encodingAesKey().value());
        IrcConfig irc = config.connectors().irc().orElseThrow();
        assertEquals(6667, irc.port(), "the plain-text port when tls is false");
        assertEquals(List.of("#a", "#b"), irc.channels());
        assertEquals(ChatMode.AUTO, config.chats().modeFor(Platform.TELEGRAM, "-100123"));
        assertEquals(ChatMode.OFF, config.chats().modeFor(Platform.SLACK, "C1"));
        assertEquals(ChatMode.AUTO, config.chats().modeFor(Platform.IRC, "#a"));
        assertEquals(Optional.of(new ChatRef(Platform.IRC, "#a")), config.escalation().maintainersChat());
        assertEquals(Optional.of(LocalTime.of(9, 5)), config.escalation().dailySummaryAt());
    }

    @Test
    void theContractsShortVariableNamesSetTheirSettings() {
        Path kb1 = files.folder("kb1");
        Path kb2 = files.folder("kb2");
        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.of(
                "QABOT_HTTP_HOST", "0.0.0.0",
                "QABOT_HTTP_PORT", "18080",
                "QABOT_KNOWLEDGE", kb1 + "," + kb2,
                "QABOT_DATA_DIR", tmp.resolve("data").toString(),
                "QABOT_DATABASE_URL", "jdbc:postgresql://localhost/qabot",
                "QABOT_ADMIN_TOKEN", "admin-t0ken",
                "QABOT_WEBHOOK_SECRET", "hook-s3cret",
                "QABOT_WEBHOOK_CALLBACK_URL", "http://127.0.0.1:7000/replies"));

        assertEquals("0.0.0.0", config.http().host());
        assertEquals(18080, config.http().port());
        assertEquals(List.of(kb1, kb2), config.knowledge());
        assertEquals(tmp.resolve("data"), config.dataDir());
        assertEquals("jdbc:postgresql://localhost/qabot", config.databaseUrl().orElseThrow().value());
        assertEquals("admin-t0ken", config.adminToken().orElseThrow().value());
        assertTrue(config.webhook().enabled());
        assertEquals("hook-s3cret", config.webhook().secret().orElseThrow().value());
        assertEquals(URI.create("http://127.0.0.1:7000/replies"), config.webhook().callbackUrl().orElseThrow());
    }

    @Test
    void aSecretCanBeReadFromTheFileItsFileVariableNames() {
        Path token = files.write("token", "admin-from-file\n");
        Path signing = files.write("signing", "signing-from-file\r\n");

        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.of(
                "QABOT_ADMIN_TOKEN_FILE", token.toString(),
                "QABOT_CONNECTORS_SLACK_SIGNING_SECRET_FILE", signing.toString(),
                "QABOT_CONNECTORS_SLACK_BOT_TOKEN", "xoxb-1"));

        assertEquals("admin-from-file", config.adminToken().orElseThrow().value(), "trailing newline trimmed");
        assertEquals("signing-from-file", config.connectors().slack().orElseThrow().signingSecret().value());
    }

    @Test
    void anEmptyVariableCountsAsUnset() {
        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.of("QABOT_HTTP_PORT", "", "QABOT_ADMIN_TOKEN", ""));

        assertEquals(8080, config.http().port());
        assertEquals(Optional.empty(), config.adminToken());
    }

    @Test
    void unknownQabotVariablesAreWarnedAboutNotFatal() {
        List<String> warnings = new ArrayList<>();

        QabotConfig config = ConfigLoader.load(Optional.empty(),
                Map.of("QABOT_HTTP_PROT", "9000", "QABOT_JAVA_OPTZ", "-Xmx1g", "PATH", "/usr/bin", "QABOT_HTTP_PORT", "9001"),
                warnings::add);

        assertEquals(9001, config.http().port());
        assertEquals(List.of(
                "QABOT_HTTP_PROT is not a qabot setting and is ignored (did you mean QABOT_HTTP_PORT?)",
                "QABOT_JAVA_OPTZ is not a qabot setting and is ignored (did you mean QABOT_JAVA_OPTS?)"), warnings);
    }

    @Test
    void variablesReadByTheLoggingAndTheLauncherAreNotWarnedAboutButBadValuesAre() {
        List<String> warnings = new ArrayList<>();

        ConfigLoader.load(Optional.empty(), Map.of("QABOT_LOG_FORMAT", "json", "QABOT_LOG_LEVEL", "debug",
                "QABOT_JAVA_OPTS", "-Xmx1g", "QABOT_CONFIG", "/etc/qabot/qabot.yaml"), warnings::add);
        assertEquals(List.of(), warnings);

        ConfigLoader.load(Optional.empty(), Map.of("QABOT_LOG_FORMAT", "jsno", "QABOT_LOG_LEVEL", "verbose"),
                warnings::add);
        assertEquals(List.of(
                "QABOT_LOG_FORMAT: \"jsno\" is not one of [json, text]",
                "QABOT_LOG_LEVEL: \"verbose\" is not one of [DEBUG, ERROR, INFO, OFF, TRACE, WARN]"), warnings);
    }

    @Test
    void aConnectorIsOnWhenItsSectionIsPresentAndOffWhenDisabled() {
        String yaml = """
                connectors:
                  discord:
                    botToken: d
                  slack:
                    enabled: false
                    signingSecret: s
                """;
        ConnectorsConfig connectors = files.load(yaml, Map.of()).connectors();
        assertEquals(Set.of(Platform.DISCORD), connectors.enabled());

        ConnectorsConfig disabledByEnv = files.load(yaml, Map.of("QABOT_CONNECTORS_DISCORD_ENABLED", "false")).connectors();
        assertEquals(Set.of(), disabledByEnv.enabled());
    }

    @Test
    void aConnectorSectionLeftEmptyInTheFileIsOff() {
        // "slack:" with everything below commented out reads as null: the operator switched it off.
        assertEquals(Set.of(), files.load("connectors:\n  slack:\n#   signingSecret: x\n", Map.of()).connectors().enabled());
    }

    @Test
    void anUnquotedOffIsTheModeOffNotAnError() {
        QabotConfig config = files.load("chatDefaults:\n  slack: off\n", Map.of());

        assertEquals(ChatMode.OFF, config.chats().modeFor(Platform.SLACK, "C1"));
    }

    @Test
    void durationsAcceptUnitsAndIso8601() {
        Map<String, Duration> cases = Map.of(
                "250ms", Duration.ofMillis(250),
                "30s", Duration.ofSeconds(30),
                "5m", Duration.ofMinutes(5),
                "1h", Duration.ofHours(1),
                "1h30m", Duration.ofMinutes(90),
                "PT30S", Duration.ofSeconds(30),
                "0s", Duration.ZERO);
        cases.forEach((text, expected) -> assertEquals(expected,
                ConfigLoader.load(Optional.empty(), Map.of("QABOT_POLICY_COOLDOWN", text)).policy().cooldown(), text));
    }

    @Test
    void theConfigIsImmutableAndCopiesTheListsItIsGiven() {
        List<Path> paths = new ArrayList<>(List.of(Path.of("a")));
        List<String> channels = new ArrayList<>(List.of("#a"));
        List<ChatRule> rules = new ArrayList<>(List.of(new ChatRule(Platform.IRC, "#a", ChatMode.AUTO)));
        Map<Platform, ChatMode> defaults = new HashMap<>(Map.of(Platform.IRC, ChatMode.OFF));
        QabotConfig base = ConfigLoader.load(Optional.empty(), Map.of());

        QabotConfig config = new QabotConfig(base.http(), paths, base.dataDir(), base.databaseUrl(), base.adminToken(),
                base.webhook(), base.connectors(), new ChatsConfig(defaults, rules), base.policy(), base.escalation());
        IrcConfig irc = new IrcConfig("localhost", 6667, false, "qabot", channels, Optional.empty(), Optional.empty());
        paths.add(Path.of("b"));
        channels.add("#b");
        rules.clear();
        defaults.put(Platform.IRC, ChatMode.AUTO);

        assertEquals(List.of(Path.of("a")), config.knowledge());
        assertEquals(List.of("#a"), irc.channels());
        assertEquals(1, config.chats().rules().size());
        assertEquals(ChatMode.OFF, config.chats().defaults().get(Platform.IRC));
        assertThrows(UnsupportedOperationException.class, () -> config.knowledge().add(Path.of("c")));
        assertThrows(UnsupportedOperationException.class, () -> irc.channels().clear());
        assertThrows(UnsupportedOperationException.class, () -> config.chats().rules().clear());
        assertThrows(UnsupportedOperationException.class, () -> config.chats().defaults().clear());
    }
}
