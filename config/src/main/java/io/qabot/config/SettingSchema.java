package io.qabot.config;

import static io.qabot.config.SettingSchema.Leaf.LIST;
import static io.qabot.config.SettingSchema.Leaf.SECRET;
import static io.qabot.config.SettingSchema.Leaf.VALUE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Every setting qabot knows, as a tree: the table of contents of the configuration.
 *
 * <p>The tree exists so that three things agree without being written three times: which keys
 * the file may contain (anything else is an "unknown setting", checked before any value is
 * read, so a misspelt key is reported as such rather than as the "missing" setting it was
 * meant to be), which environment variables exist (one per leaf, named by {@link #envName}),
 * and which of them are secrets (those also accept {@code …_FILE}). The binder then reads only
 * paths listed here.
 */
final class SettingSchema {

    /** A node of the schema. */
    sealed interface Node permits Group, Leaf, Items {}

    /** A section: a YAML mapping with these keys, in documentation order. */
    record Group(Map<String, Node> children) implements Node {
        Group {
            children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
        }
    }

    /** A setting that holds a value rather than other settings. */
    enum Leaf implements Node {
        /** One scalar: a string, number or boolean. */
        VALUE,
        /** A list of scalars; a single scalar counts as a list of one; comma-separated from the environment. */
        LIST,
        /** One scalar that is a credential; from the environment also as {@code …_FILE}. */
        SECRET
    }

    /**
     * A list of sections, like {@code chats}. Each entry may also be written compactly as one
     * string (such as {@code slack:C03:auto}), which is how the environment sets them: a
     * comma-separated list of compact entries under the list's own variable.
     */
    record Items(Group item) implements Node {}

    static final Group ROOT = group(
            "http", group(
                    "host", VALUE,
                    "port", VALUE,
                    "maxBodyBytes", VALUE,
                    "headerTimeout", VALUE,
                    "idleTimeout", VALUE,
                    "shutdownGrace", VALUE,
                    "publicUrl", VALUE,
                    "requestTimeout", VALUE,
                    "maxConnectionsPerAddress", VALUE,
                    "trustedProxies", LIST,
                    "writeTimeout", VALUE),
            "knowledge", LIST,
            "knowledgeReload", group(
                    "every", VALUE),
            "knowledgeGit", group(
                    "url", SECRET,
                    "branch", VALUE,
                    "paths", LIST,
                    "pullEvery", VALUE),
            "dataDir", VALUE,
            "databaseUrl", SECRET,
            "adminToken", SECRET,
            "metrics", group(
                    "token", SECRET,
                    "port", VALUE),
            "webhook", group(
                    "secret", SECRET,
                    "callbackUrl", VALUE,
                    "maxSkew", VALUE),
            "connectors", group(
                    "slack", group(
                            "enabled", VALUE,
                            "signingSecret", SECRET,
                            "botToken", SECRET,
                            "apiUrl", VALUE),
                    "telegram", group(
                            "enabled", VALUE,
                            "botToken", SECRET,
                            "secretToken", SECRET,
                            "apiUrl", VALUE,
                            "mode", VALUE),
                    "dingtalk", group(
                            "enabled", VALUE,
                            "appKey", VALUE,
                            "appSecret", SECRET,
                            "robotCode", VALUE,
                            "apiUrl", VALUE,
                            "mode", VALUE,
                            "customRobotWebhook", SECRET,
                            "customRobotSecret", SECRET),
                    "feishu", group(
                            "enabled", VALUE,
                            "appId", VALUE,
                            "appSecret", SECRET,
                            "verificationToken", SECRET,
                            "encryptKey", SECRET,
                            "apiUrl", VALUE),
                    "wecom", group(
                            "enabled", VALUE,
                            "corpId", VALUE,
                            "token", SECRET,
                            "encodingAesKey", SECRET,
                            "apiUrl", VALUE,
                            "webhookUrl", SECRET),
                    "wechat", group(
                            "enabled", VALUE,
                            "appId", VALUE,
                            "appSecret", SECRET,
                            "token", SECRET,
                            "encodingAesKey", SECRET,
                            "apiUrl", VALUE),
                    "discord", group(
                            "enabled", VALUE,
                            "publicKey", VALUE,
                            "botToken", SECRET,
                            "apiUrl", VALUE,
                            "gatewayUrl", VALUE),
                    "irc", group(
                            "enabled", VALUE,
                            "server", VALUE,
                            "port", VALUE,
                            "tls", VALUE,
                            "nick", VALUE,
                            "channels", LIST,
                            "saslUser", VALUE,
                            "saslPassword", SECRET)),
            "chats", new Items(group(
                    "platform", VALUE,
                    "chat", VALUE,
                    "mode", VALUE,
                    "acknowledge", VALUE)),
            "chatDefaults", platformDefaults(),
            "matching", group(
                    "minConfidence", VALUE),
            "policy", group(
                    "cooldown", VALUE,
                    "maxRepliesPerMinute", VALUE,
                    "maxQuestionLength", VALUE,
                    "wrongWords", LIST,
                    "answerAgeNotice", VALUE),
            "outbound", group(
                    "requestTimeout", VALUE,
                    "maxPending", VALUE),
            "store", group(
                    "questionLogRetention", VALUE),
            "escalation", group(
                    "maintainersChat", group(
                            "platform", VALUE,
                            "chat", VALUE),
                    "staleAfter", VALUE,
                    "dailySummaryAt", VALUE,
                    "timeZone", VALUE,
                    "acknowledge", VALUE,
                    "relatedPosts", VALUE));

    private SettingSchema() {}

    /**
     * The environment variable of a setting: {@code QABOT_} and the path in upper case, with
     * {@code .} and camelCase boundaries turned into {@code _}
     * ({@code connectors.slack.signingSecret} → {@code QABOT_CONNECTORS_SLACK_SIGNING_SECRET}).
     */
    static String envName(String path) {
        StringBuilder name = new StringBuilder("QABOT_");
        char previous = '.';
        for (char c : path.toCharArray()) {
            if (c == '.') {
                name.append('_');
            } else {
                if (Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous))) {
                    name.append('_');
                }
                name.append(Character.toUpperCase(c));
            }
            previous = c;
        }
        return name.toString();
    }

    /** Calls {@code visitor} with the path of every leaf and list of sections, depth first, in order. */
    static void forEachSetting(BiConsumer<String, Node> visitor) {
        forEachSetting("", ROOT, visitor);
    }

    private static void forEachSetting(String prefix, Group group, BiConsumer<String, Node> visitor) {
        group.children().forEach((key, node) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (node instanceof Group child) {
                forEachSetting(path, child, visitor);
            } else {
                visitor.accept(path, node);
            }
        });
    }

    /**
     * Checks the file's tree against the schema: every key known, every section a mapping,
     * every value a scalar. Runs before anything is read so the first error is the most useful one.
     */
    static void checkFile(JsonNode tree) {
        check("", ROOT, tree);
    }

    private static void check(String path, Node schema, JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        if (schema instanceof Group group) {
            if (!node.isObject()) {
                throw new ConfigException(where(path) + "expected a section (key: value lines), got " + describe(node));
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Node child = group.children().get(field.getKey());
                if (child == null) {
                    // YAML allows an empty or null key ("?" alone); name where it stands instead
                    throw new ConfigException(field.getKey().isBlank()
                            ? where(path) + "a setting without a name" : childPath + ": unknown setting"
                            + NearestName.among(field.getKey(), group.children().keySet())
                                    .map(known -> " (did you mean " + known + "?)").orElse(""));
                }
                check(childPath, child, field.getValue());
            }
        } else if (schema instanceof Items items) {
            if (!node.isArray()) {
                throw new ConfigException(path + ": expected a list, got " + describe(node));
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isValueNode()) {
                    check(path + "[" + i + "]", items.item(), item);
                }
            }
        } else if (schema == LIST) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    if (!node.get(i).isValueNode()) {
                        throw new ConfigException(path + "[" + i + "]: expected a single value, got " + describe(node.get(i)));
                    }
                }
            } else if (!node.isValueNode()) {
                throw new ConfigException(path + ": expected a list, got " + describe(node));
            }
        } else if (!node.isValueNode()) {
            throw new ConfigException(path + ": expected a single value, got " + describe(node));
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "top level: " : path + ": ";
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a section";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "a single value";
    }

    private static Group group(Object... keysAndNodes) {
        Map<String, Node> children = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNodes.length; i += 2) {
            children.put((String) keysAndNodes[i], (Node) keysAndNodes[i + 1]);
        }
        return new Group(children);
    }

    // chatDefaults has one key per platform, so adding a platform adds its default setting.
    private static Group platformDefaults() {
        Map<String, Node> children = new LinkedHashMap<>();
        for (Platform platform : Platform.values()) {
            children.put(platform.configName(), VALUE);
        }
        return new Group(children);
    }
}
