package io.qabot.connectors.fakes;

import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.http.HttpServerOptions;
import io.qabot.connectors.http.QabotServer;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.outbound.OutboundOptions;
import io.qabot.core.Acknowledgement;
import io.qabot.core.ChatMode;
import io.qabot.core.ChatPolicy;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.core.Rate;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The bot a connector hands messages to: the real pipeline with the stand-in matcher (跨机房
 * is answered, 谢谢 is chatter, the rest escalated), mention mode except for the chats a test
 * sets to auto, generous rates, and a clock stopped at {@link #NOW}.
 */
public final class TestBot implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    public static final String QUESTION = "请问 jraft 支持跨机房吗";
    public static final String ANSWER = "跨机房不需要特殊支持，只是网络延时大一点而已。";

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final KeywordMatcher matcher = new KeywordMatcher();
    public final InMemoryEscalationQueue escalations = new InMemoryEscalationQueue(clock);
    public final ExecutorService executor = Executors.newFixedThreadPool(4);
    public final Pipeline pipeline;
    public final OutboundClient outbound = new OutboundClient(new OutboundOptions(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5)));
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private QabotServer server;
    private int port;

    public TestBot(Platform platform, String... autoChats) {
        this(false, platform, autoChats);
    }

    private TestBot(boolean acknowledging, Platform platform, String... autoChats) {
        ChatPolicy.Builder policy = ChatPolicy.builder(ChatMode.MENTION);
        for (String chat : autoChats) {
            policy.chat(platform, chat, ChatMode.AUTO);
        }
        ChatPolicy modes = policy.build();
        Pipeline.Builder builder = Pipeline.builder(matcher, escalations, executor)
                .clock(clock)
                .policy(modes)
                .chatRate(platform, Rate.perSecond(100))
                .platformRate(platform, Rate.perSecond(100));
        if (acknowledging) {
            builder.acknowledge(new Acknowledgement(true, 0, modes, Map.of()));
        }
        pipeline = builder.build();
    }

    /** A bot that tells askers who addressed it that their question went to the maintainers (escalation.acknowledge). */
    public static TestBot acknowledging(Platform platform) {
        return new TestBot(true, platform);
    }

    /** Serves the routes on a free loopback port. */
    public TestBot serve(List<Route> routes) throws InterruptedException {
        server = new QabotServer(HttpServerOptions.defaults().withHost("127.0.0.1").withPort(0), () -> true,
                routes);
        port = server.start();
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
