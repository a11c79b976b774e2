package io.qabot.app;

import io.qabot.config.ConfigLoader;
import io.qabot.config.HttpConfig;
import io.qabot.config.QabotConfig;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A whole bot in this JVM, as {@code qabot serve} wires it, on a free loopback port, configured
 * through the environment the way a container would be. Loop timings are short so that
 * deliveries, re-indexing and announcements happen within a test's patience.
 */
public final class BotFixture implements AutoCloseable {
    public static final String SECRET = "webhook-secret";
    public static final String TOKEN = "admin-token-42";
    public static final String MAINTAINERS = "maintainers";
    static final Timings FAST = new Timings(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300),
            Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10));

    private final Serving serving;
    public final WebhookClient client;

    private BotFixture(Serving serving, String token) {
        this.serving = serving;
        this.client = new WebhookClient(serving.port(), SECRET, token);
    }

    /** The environment of a bot with a store, the webhook calling back to {@code callbackUrl}, a token and a maintainers' chat. */
    public static Map<String, String> environment(Path dataDir, Optional<String> databaseUrl, String callbackUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("QABOT_DATA_DIR", dataDir.toString());
        databaseUrl.ifPresent(url -> env.put("QABOT_DATABASE_URL", url));
        env.put("QABOT_ADMIN_TOKEN", TOKEN);
        env.put("QABOT_WEBHOOK_SECRET", SECRET);
        env.put("QABOT_WEBHOOK_CALLBACK_URL", callbackUrl);
        env.put("QABOT_ESCALATION_MAINTAINERS_CHAT_PLATFORM", "webhook");
        env.put("QABOT_ESCALATION_MAINTAINERS_CHAT_CHAT", MAINTAINERS);
        return env;
    }

    public static BotFixture start(Map<String, String> environment) throws InterruptedException {
        QabotConfig config = ConfigLoader.load(Optional.empty(), environment);
        HttpConfig http = config.http();
        QabotConfig anyPort = new QabotConfig(new HttpConfig("127.0.0.1", 0, http.maxBodyBytes(), http.headerTimeout(),
                http.idleTimeout(), Duration.ofSeconds(1), http.publicUrl()), config.knowledge(), config.dataDir(),
                config.databaseUrl(), config.adminToken(), config.webhook(), config.connectors(), config.chats(),
                config.policy(), config.escalation(), config.knowledgeUpdates(), config.outbound());
        ServeCommand serve = new ServeCommand(new KnowledgeSources(new KnowledgeReader()),
                new Configuration(environment, warning -> { }));
        return new BotFixture(serve.start(anyPort, Clock.systemUTC(), FAST), TOKEN);
    }

    public int port() {
        return serving.port();
    }

    @Override
    public void close() {
        serving.close();
    }
}
