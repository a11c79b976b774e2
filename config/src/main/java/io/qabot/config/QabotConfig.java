package io.qabot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration, validated: what {@link ConfigLoader#load} returns.
 *
 * @param http where {@code serve} listens
 * @param knowledge knowledge folders and files, each existing when loaded; empty means the
 *     sample knowledge shipped with the app
 * @param dataDir where the embedded database and index live ({@code ./data})
 * @param databaseUrl a JDBC URL; a {@code jdbc:postgresql:} one moves the queue and learned
 *     answers to PostgreSQL. A {@link Secret} because JDBC URLs often carry a password.
 * @param adminToken the maintainers' bearer token; without it the admin routes are off
 * @param webhook the generic webhook connector
 * @param connectors the chat platform connectors
 * @param chats per-chat behaviour
 * @param policy rate limits on the bot's replies
 * @param escalation what happens to questions the knowledge does not answer
 * @param knowledgeUpdates how the knowledge is reloaded while the bot runs, and from where
 * @param outbound how posts to the platforms' APIs are timed out and bounded
 * @param metrics who may read {@code /metrics}
 * @param store how long the store keeps what grows with traffic
 * @param matching how sure the matcher must be before the bot answers
 */
public record QabotConfig(
        HttpConfig http,
        List<Path> knowledge,
        Path dataDir,
        Optional<Secret> databaseUrl,
        Optional<Secret> adminToken,
        WebhookConfig webhook,
        ConnectorsConfig connectors,
        ChatsConfig chats,
        PolicyConfig policy,
        EscalationConfig escalation,
        KnowledgeUpdatesConfig knowledgeUpdates,
        OutboundConfig outbound,
        MetricsConfig metrics,
        StoreConfig store,
        MatchingConfig matching) {

    /** A configuration whose knowledge is reloaded in the default way. */
    public QabotConfig(HttpConfig http, List<Path> knowledge, Path dataDir, Optional<Secret> databaseUrl,
                       Optional<Secret> adminToken, WebhookConfig webhook, ConnectorsConfig connectors,
                       ChatsConfig chats, PolicyConfig policy, EscalationConfig escalation) {
        this(http, knowledge, dataDir, databaseUrl, adminToken, webhook, connectors, chats, policy, escalation,
                KnowledgeUpdatesConfig.DEFAULT, OutboundConfig.DEFAULT);
    }

    /** A configuration whose {@code /metrics} is open, whose store keeps the question log for the default time, and that answers at the fitted confidence threshold. */
    public QabotConfig(HttpConfig http, List<Path> knowledge, Path dataDir, Optional<Secret> databaseUrl,
                       Optional<Secret> adminToken, WebhookConfig webhook, ConnectorsConfig connectors,
                       ChatsConfig chats, PolicyConfig policy, EscalationConfig escalation,
                       KnowledgeUpdatesConfig knowledgeUpdates, OutboundConfig outbound) {
        this(http, knowledge, dataDir, databaseUrl, adminToken, webhook, connectors, chats, policy, escalation,
                knowledgeUpdates, outbound, MetricsConfig.OPEN, StoreConfig.DEFAULT, MatchingConfig.DEFAULT);
    }

    public QabotConfig {
        Objects.requireNonNull(http, "http");
        knowledge = List.copyOf(knowledge);
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(connectors, "connectors");
        Objects.requireNonNull(chats, "chats");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(knowledgeUpdates, "knowledgeUpdates");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(matching, "matching");
    }
}
