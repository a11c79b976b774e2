package io.qabot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the merged tree into the config records, validating each value as it goes and
 * stopping at the first problem; then checks the few rules that span sections. Defaults live
 * here, next to the setting they belong to.
 */
final class ConfigBinder {

    private static final int MIB = 1024 * 1024;
    private static final Pattern HOST = Pattern.compile("[^\\s/]+");
    private static final Pattern TELEGRAM_SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9+/]{43}");
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern IRC_NICK = Pattern.compile("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]*");
    private static final Pattern IRC_CHANNEL = Pattern.compile("[#&+!][^\\s,\\x07:]+");
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("H:mm[:ss]");

    private final SectionReader root;

    ConfigBinder(ObjectNode merged) {
        this.root = SectionReader.root(merged);
    }

    QabotConfig bind() {
        HttpConfig http = http(root.sectionOrEmpty("http"));
        List<Path> knowledge = knowledge();
        KnowledgeUpdatesConfig knowledgeUpdates = new KnowledgeUpdatesConfig(
                root.sectionOrEmpty("knowledgeReload").duration("every", Duration.ofSeconds(10), true),
                root.section("knowledgeGit").map(ConfigBinder::knowledgeGit));
        Path dataDir = dataDir();
        Optional<Secret> databaseUrl = databaseUrl();
        Optional<Secret> adminToken = root.secret("adminToken");
        WebhookConfig webhook = webhook(root.sectionOrEmpty("webhook"));
        ConnectorsConfig connectors = connectors(root.sectionOrEmpty("connectors"));
        ChatsConfig chats = new ChatsConfig(chatDefaults(root.sectionOrEmpty("chatDefaults")), chats());
        PolicyConfig policy = policy(root.sectionOrEmpty("policy"));
        EscalationConfig escalation = escalation(root.sectionOrEmpty("escalation"));
        escalation.maintainersChat().ifPresent(chat -> checkReachable(chat, webhook, connectors));
        OutboundConfig outbound = outbound(root.sectionOrEmpty("outbound"));
        MetricsConfig metrics = metrics(root.sectionOrEmpty("metrics"), http);
        StoreConfig store = new StoreConfig(root.sectionOrEmpty("store").duration("questionLogRetention",
                StoreConfig.DEFAULT.questionLogRetention(), false));
        MatchingConfig matching = new MatchingConfig(root.sectionOrEmpty("matching").fraction("minConfidence"));
        return new QabotConfig(http, knowledge, dataDir, databaseUrl, adminToken, webhook, connectors, chats, policy, escalation,
                knowledgeUpdates, outbound, metrics, store, matching);
    }

    // --- top level

    private static HttpConfig http(SectionReader s) {
        String host = s.text("host", "127.0.0.1");
        if (!HOST.matcher(host).matches()) {
            throw s.problem("host", SectionReader.quote(host) + " is not a host name or address");
        }
        Duration headerTimeout = s.duration("headerTimeout", Duration.ofSeconds(10), false);
        Duration requestTimeout = s.duration("requestTimeout", HttpConfig.DEFAULT_REQUEST_TIMEOUT, false);
        if (requestTimeout.compareTo(headerTimeout) < 0) {
            throw s.problem("requestTimeout", requestTimeout.toSeconds() + " s is shorter than http.headerTimeout ("
                    + headerTimeout.toSeconds() + " s): a whole request cannot arrive before its headers");
        }
        List<AddressRange> proxies = new ArrayList<>();
        List<String> texts = s.texts("trustedProxies");
        for (int i = 0; i < texts.size(); i++) {
            try {
                proxies.add(AddressRange.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                throw s.problem("trustedProxies[" + i + "]", SectionReader.quote(texts.get(i)) + " " + e.getMessage());
            }
        }
        return new HttpConfig(
                host,
                s.port("port", 8080),
                s.byteSize("maxBodyBytes", MIB, 256 * MIB),
                headerTimeout,
                s.duration("idleTimeout", Duration.ofSeconds(60), false),
                s.duration("shutdownGrace", Duration.ofSeconds(10), true),
                s.httpUrl("publicUrl"),
                requestTimeout,
                s.integer("maxConnectionsPerAddress", HttpConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, 1, 1_000_000),
                proxies,
                s.duration("writeTimeout", HttpConfig.DEFAULT_WRITE_TIMEOUT, false));
    }

    private static MetricsConfig metrics(SectionReader s, HttpConfig http) {
        OptionalInt port = s.text("port").isEmpty() ? OptionalInt.empty() : OptionalInt.of(s.port("port", 0));
        if (port.isPresent() && port.getAsInt() == http.port()) {
            throw s.problem("port", port.getAsInt() + " is http.port too: /metrics gets a port of its own or none");
        }
        return new MetricsConfig(s.secret("token"), port);
    }

    // Paths are taken as given, relative to the working directory like the CLI's --knowledge,
    // so the same relative path means the same folder in the file, the environment and the CLI.
    private List<Path> knowledge() {
        List<String> texts = root.texts("knowledge");
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String setting = "knowledge[" + i + "]";
            Path path = path(setting, texts.get(i));
            if (!Files.exists(path)) {
                throw new ConfigException(setting + ": " + (looksLikeFile(path) ? "file " : "folder ") + path + " does not exist");
            }
            paths.add(path);
        }
        return paths;
    }

    private static KnowledgeGitConfig knowledgeGit(SectionReader s) {
        Secret url = s.requiredSecret("url");
        // git takes URLs and scp-like user@host:path; only a plain local path is surely a mistake
        // here, since the clone lives in the data folder and a folder can be listed under knowledge
        if (!url.value().contains(":")) {
            throw s.problem("url", "is not a repository URL (like https://github.com/org/site.git or file:///srv/site.git)");
        }
        List<String> paths = s.texts("paths");
        for (int i = 0; i < paths.size(); i++) {
            String inside = paths.get(i);
            Path relative;
            try {
                relative = Path.of(inside);
            } catch (InvalidPathException e) {
                relative = null; // a NUL character, say: no path at all (it once escaped as this exception)
            }
            if (inside.isBlank() || relative == null || relative.isAbsolute() || relative.normalize().startsWith("..")) {
                throw new ConfigException(s.pathOf("paths") + "[" + i + "]: " + SectionReader.quote(inside)
                        + " is not a path inside the repository");
            }
        }
        Optional<String> branch = s.text("branch").map(String::strip);
        if (branch.isPresent() && (branch.get().isEmpty() || branch.get().startsWith("-") || branch.get().contains(".."))) {
            throw s.problem("branch", SectionReader.quote(branch.get()) + " is not a branch name");
        }
        return new KnowledgeGitConfig(url, branch, paths, s.duration("pullEvery", Duration.ofMinutes(10), false));
    }

    private Path dataDir() {
        Path dataDir = path("dataDir", root.text("dataDir", "./data"));
        // It need not exist (the app creates it), but a file in its place would fail much later.
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw root.problem("dataDir", dataDir + " is a file, not a folder");
        }
        return dataDir;
    }

    private Optional<Secret> databaseUrl() {
        Optional<Secret> url = root.secret("databaseUrl");
        if (url.isPresent() && !url.get().value().startsWith("jdbc:")) {
            // Quote only the scheme: the rest of a JDBC URL may hold a password. And not even the
            // scheme when nothing follows it, for then it is the whole secret (the environment
            // fuzz target's "QABOT_CONFIG:").
            String value = url.get().value();
            int colon = value.indexOf(':');
            String scheme = colon > 0 && colon < 20 && !value.substring(colon + 1).isBlank()
                    ? ", not " + SectionReader.quote(value.substring(0, colon + 1)) : "";
            throw root.problem("databaseUrl", "must start with \"jdbc:\"" + scheme);
        }
        return url;
    }

    private static WebhookConfig webhook(SectionReader s) {
        Optional<Secret> secret = s.secret("secret");
        Optional<URI> callbackUrl = s.httpUrl("callbackUrl");
        if (callbackUrl.isPresent() && secret.isEmpty()) {
            throw s.problem("secret", "missing (callbacks to webhook.callbackUrl are signed with it)");
        }
        return new WebhookConfig(secret, callbackUrl, s.duration("maxSkew", Duration.ofSeconds(300), false));
    }

    private static PolicyConfig policy(SectionReader s) {
        List<String> wrongWords = s.texts("wrongWords").stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
        return new PolicyConfig(
                s.duration("cooldown", Duration.ofMinutes(10), true),
                s.integer("maxRepliesPerMinute", 20, 1, 600),
                s.integer("maxQuestionLength", PolicyConfig.DEFAULT_MAX_QUESTION_LENGTH, 100, 100_000),
                wrongWords.isEmpty() ? PolicyConfig.DEFAULT_WRONG_WORDS : wrongWords,
                answerAgeNotice(s));
    }

    /** {@code 18mo}, {@code 2y}, {@code 400d}, an ISO period ({@code P1Y6M}), or {@code off}. */
    private static Optional<java.time.Period> answerAgeNotice(SectionReader s) {
        Optional<String> text = s.text("answerAgeNotice").map(String::strip);
        if (text.isEmpty()) {
            return Optional.of(PolicyConfig.DEFAULT_ANSWER_AGE_NOTICE);
        }
        String value = text.get().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("off")) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = Pattern.compile("(\\d{1,4})(mo|y|d)").matcher(value);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "mo" -> java.time.Period.ofMonths(n);
                case "y" -> java.time.Period.ofYears(n);
                default -> java.time.Period.ofDays(n);
            });
        }
        try {
            java.time.Period period = java.time.Period.parse(text.get());
            if (!period.isNegative()) {
                return Optional.of(period);
            }
        } catch (DateTimeParseException e) {
            // reported below with the accepted forms
        }
        throw s.problem("answerAgeNotice", SectionReader.quote(text.get())
                + " is not an age (like 18mo, 2y, 400d or P1Y6M) or off");
    }

    private static OutboundConfig outbound(SectionReader s) {
        return new OutboundConfig(
                s.duration("requestTimeout", OutboundConfig.DEFAULT.requestTimeout(), false),
                s.integer("maxPending", OutboundConfig.DEFAULT.maxPending(), 1, 100_000));
    }

    private static EscalationConfig escalation(SectionReader s) {
        Optional<ChatRef> maintainersChat = s.section("maintainersChat").map(chat -> new ChatRef(
                chat.choice("platform", Platform.class).orElseThrow(() -> chat.problem("platform", "missing")),
                chat.requiredText("chat")));
        Duration staleAfter = s.duration("staleAfter", Duration.ofHours(24), false);
        Optional<LocalTime> dailySummaryAt = s.text("dailySummaryAt").map(text -> {
            try {
                return LocalTime.parse(text.strip(), TIME_OF_DAY);
            } catch (DateTimeParseException e) {
                throw s.problem("dailySummaryAt", SectionReader.quote(text) + " is not a time of day (like 09:30)");
            }
        });
        Optional<ZoneId> timeZone = s.text("timeZone").map(text -> {
            try {
                return ZoneId.of(text.strip());
            } catch (DateTimeException e) {
                throw s.problem("timeZone", SectionReader.quote(text) + " is not a time zone (like Asia/Shanghai or UTC)");
            }
        });
        return new EscalationConfig(maintainersChat, staleAfter, dailySummaryAt, timeZone,
                s.flag("acknowledge", true), s.integer("relatedPosts", 3, 0, 3));
    }

    // An escalation announced into a chat no connector can post to would be lost silently.
    private static void checkReachable(ChatRef chat, WebhookConfig webhook, ConnectorsConfig connectors) {
        String setting = "escalation.maintainersChat.platform";
        if (chat.platform() == Platform.WEBHOOK) {
            if (webhook.callbackUrl().isEmpty()) {
                throw new ConfigException(setting + ": webhook needs webhook.callbackUrl to post to");
            }
        } else if (!connectors.enabled().contains(chat.platform())) {
            throw new ConfigException(setting + ": " + chat.platform().configName()
                    + " is not configured (no connectors." + chat.platform().configName() + ")");
        }
    }

    // --- chats

    private static Map<Platform, ChatMode> chatDefaults(SectionReader s) {
        Map<Platform, ChatMode> defaults = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            defaults.put(platform, s.choice(platform.configName(), ChatMode.class, ChatMode.MENTION));
        }
        return defaults;
    }

    private List<ChatRule> chats() {
        List<JsonNode> items = root.items("chats");
        List<ChatRule> rules = new ArrayList<>();
        Map<ChatRef, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String setting = "chats[" + i + "]";
            JsonNode item = items.get(i);
            ChatRule rule = item instanceof ObjectNode object
                    ? chatRule(new SectionReader(setting, object))
                    : compactChatRule(setting, item.asText());
            Integer earlier = seen.putIfAbsent(new ChatRef(rule.platform(), rule.chat()), i);
            if (earlier != null) {
                throw new ConfigException(setting + ": " + rule.platform().configName() + " chat "
                        + SectionReader.quote(rule.chat()) + " is already listed as chats[" + earlier + "]");
            }
            rules.add(rule);
        }
        return rules;
    }

    private static ChatRule chatRule(SectionReader s) {
        return new ChatRule(
                s.choice("platform", Platform.class).orElseThrow(() -> s.problem("platform", "missing")),
                s.requiredText("chat"),
                s.choice("mode", ChatMode.class).orElseThrow(() -> s.problem("mode", "missing")),
                s.text("acknowledge").map(given -> s.flag("acknowledge", false)));
    }

    // "platform:chat:mode", the form the environment uses. The chat is everything between the
    // first and the last colon, so ids that contain colons still work.
    private static ChatRule compactChatRule(String setting, String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first < 1 || last <= first + 1 || last == text.length() - 1) {
            throw new ConfigException(setting + ": " + SectionReader.quote(text)
                    + " is not platform:chat:mode (like slack:C03COMMUNITY:auto)");
        }
        String platform = text.substring(0, first);
        String mode = text.substring(last + 1);
        return new ChatRule(
                SectionReader.parseChoice(platform, Platform.class).orElseThrow(() ->
                        new ConfigException(setting + ".platform: " + SectionReader.notOneOf(platform, Platform.class))),
                text.substring(first + 1, last),
                SectionReader.parseChoice(mode, ChatMode.class).orElseThrow(() ->
                        new ConfigException(setting + ".mode: " + SectionReader.notOneOf(mode, ChatMode.class))));
    }

    // --- connectors

    private static ConnectorsConfig connectors(SectionReader s) {
        return new ConnectorsConfig(
                enabled(s, "slack").map(ConfigBinder::slack),
                enabled(s, "telegram").map(ConfigBinder::telegram),
                enabled(s, "dingtalk").map(ConfigBinder::dingtalk),
                enabled(s, "feishu").map(ConfigBinder::feishu),
                enabled(s, "wecom").map(ConfigBinder::wecom),
                enabled(s, "wechat").map(ConfigBinder::wechat),
                enabled(s, "discord").map(ConfigBinder::discord),
                enabled(s, "irc").map(ConfigBinder::irc));
    }

    // A present section is on unless it says enabled: false, which lets an operator switch a
    // connector off (QABOT_CONNECTORS_SLACK_ENABLED=false) without deleting its settings.
    private static Optional<SectionReader> enabled(SectionReader connectors, String platform) {
        return connectors.section(platform).filter(s -> s.flag("enabled", true));
    }

    private static SlackConfig slack(SectionReader s) {
        return new SlackConfig(
                s.requiredSecret("signingSecret"),
                s.requiredSecret("botToken"),
                s.httpUrl("apiUrl", "https://slack.com/api"));
    }

    private static TelegramConfig telegram(SectionReader s) {
        Secret botToken = s.requiredSecret("botToken");
        TelegramConfig.Mode mode = s.choice("mode", TelegramConfig.Mode.class, TelegramConfig.Mode.WEBHOOK);
        Optional<Secret> secretToken = s.secret("secretToken");
        if (secretToken.isEmpty() && mode == TelegramConfig.Mode.WEBHOOK) {
            // Without it anyone who guesses the URL can post fake updates.
            throw s.problem("secretToken", "missing (required in webhook mode)");
        }
        if (secretToken.isPresent() && !TELEGRAM_SECRET_TOKEN.matcher(secretToken.get().value()).matches()) {
            throw s.problem("secretToken", "must be 1-256 characters from A-Z, a-z, 0-9, _ and - (Telegram rejects others)");
        }
        return new TelegramConfig(botToken, secretToken, s.httpUrl("apiUrl", "https://api.telegram.org"), mode);
    }

    private static DingTalkConfig dingtalk(SectionReader s) {
        String appKey = s.requiredText("appKey");
        Secret appSecret = s.requiredSecret("appSecret");
        String robotCode = s.text("robotCode", appKey);
        URI apiUrl = s.httpUrl("apiUrl", "https://api.dingtalk.com");
        DingTalkConfig.Mode mode = s.choice("mode", DingTalkConfig.Mode.class, DingTalkConfig.Mode.CALLBACK);
        Optional<Secret> customRobotWebhook = s.secretHttpUrl("customRobotWebhook");
        Optional<Secret> customRobotSecret = s.secret("customRobotSecret");
        if (customRobotSecret.isPresent() && customRobotWebhook.isEmpty()) {
            throw s.problem("customRobotWebhook", "missing (customRobotSecret is set)");
        }
        return new DingTalkConfig(appKey, appSecret, robotCode, apiUrl, mode, customRobotWebhook, customRobotSecret);
    }

    private static FeishuConfig feishu(SectionReader s) {
        return new FeishuConfig(
                s.requiredText("appId"),
                s.requiredSecret("appSecret"),
                s.requiredSecret("verificationToken"),
                s.secret("encryptKey"),
                s.httpUrl("apiUrl", "https://open.feishu.cn"));
    }

    private static WeComConfig wecom(SectionReader s) {
        Optional<String> corpId = s.text("corpId");
        Secret token = s.requiredSecret("token");
        Secret encodingAesKey = aesKey(s, s.requiredSecret("encodingAesKey"));
        return new WeComConfig(corpId, token, encodingAesKey,
                s.httpUrl("apiUrl", "https://qyapi.weixin.qq.com"), s.secretHttpUrl("webhookUrl"));
    }

    private static WeChatConfig wechat(SectionReader s) {
        String appId = s.requiredText("appId");
        Optional<Secret> appSecret = s.secret("appSecret");
        Secret token = s.requiredSecret("token");
        Optional<Secret> encodingAesKey = s.secret("encodingAesKey").map(key -> aesKey(s, key));
        return new WeChatConfig(appId, appSecret, token, encodingAesKey, s.httpUrl("apiUrl", "https://api.weixin.qq.com"));
    }

    // Checked here because a wrong key otherwise shows up only as every callback failing to decrypt.
    private static Secret aesKey(SectionReader s, Secret key) {
        if (!AES_KEY.matcher(key.value()).matches()) {
            throw s.problem("encodingAesKey", "must be 43 letters and digits (it is " + key.value().length() + " characters)");
        }
        return key;
    }

    private static DiscordConfig discord(SectionReader s) {
        Optional<String> publicKey = s.text("publicKey").map(String::strip);
        if (publicKey.isPresent() && !HEX_KEY.matcher(publicKey.get()).matches()) {
            throw s.problem("publicKey", SectionReader.quote(publicKey.get()) + " is not 64 hex digits (the application's public key)");
        }
        return new DiscordConfig(
                publicKey,
                s.requiredSecret("botToken"),
                s.httpUrl("apiUrl", "https://discord.com/api/v10"),
                s.url("gatewayUrl", Set.of("ws", "wss")).orElseGet(() -> URI.create("wss://gateway.discord.gg")));
    }

    private static IrcConfig irc(SectionReader s) {
        String server = s.requiredText("server");
        boolean tls = s.flag("tls", true);
        int port = s.port("port", tls ? 6697 : 6667);
        String nick = s.text("nick", "qabot");
        if (!IRC_NICK.matcher(nick).matches()) {
            throw s.problem("nick", SectionReader.quote(nick) + " is not a valid IRC nickname");
        }
        List<String> channels = s.texts("channels");
        if (channels.isEmpty()) {
            throw s.problem("channels", "missing");
        }
        for (int i = 0; i < channels.size(); i++) {
            if (!IRC_CHANNEL.matcher(channels.get(i)).matches()) {
                throw new ConfigException(s.pathOf("channels") + "[" + i + "]: " + SectionReader.quote(channels.get(i))
                        + " is not a channel name (like #qabot; quote it in YAML, where # starts a comment)");
            }
        }
        Optional<String> saslUser = s.text("saslUser");
        Optional<Secret> saslPassword = s.secret("saslPassword");
        if (saslUser.isPresent() != saslPassword.isPresent()) {
            String missing = saslUser.isPresent() ? "saslPassword" : "saslUser";
            String present = saslUser.isPresent() ? "saslUser" : "saslPassword";
            throw s.problem(missing, "missing (" + present + " is set)");
        }
        return new IrcConfig(server, port, tls, nick, channels, saslUser, saslPassword);
    }

    // --- values

    private static Path path(String setting, String text) {
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new ConfigException(setting + ": " + SectionReader.quote(text) + " is not a valid path");
        }
    }

    // Only for the wording of the message: a missing path cannot say whether it was meant as a folder.
    private static boolean looksLikeFile(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().matches(".+\\.[A-Za-z0-9]{1,5}");
    }
}
