package io.qabot.connectors.http;

import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.outbound.OutboundOptions;
import io.qabot.connectors.webhook.WebhookConnector;
import io.qabot.connectors.webhook.WebhookOptions;
import io.qabot.core.ChatMode;
import io.qabot.core.ChatPolicy;
import io.qabot.core.Pipeline;
import io.qabot.core.QuestionMatcher;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real qabot server on a free loopback port with the webhook connector on, {@code POST
 * /test/match} (the matcher's decision on the body, see {@link MatchRoute}), a stand-in matcher, an in-memory queue and a clock stopped at a known instant.
 */
public final class ServerFixture implements AutoCloseable {
    public static final String SECRET = "sekrit-密钥";
    public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final InMemoryEscalationQueue escalations = new InMemoryEscalationQueue(clock);
    public final AtomicBoolean ready = new AtomicBoolean(true);
    public final ExecutorService botExecutor = Executors.newFixedThreadPool(4);
    public final QabotServer server;
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    public final int port;

    public ServerFixture(HttpServerOptions options, String secret, QuestionMatcher matcher) throws InterruptedException {
        this(options, secret, matcher, List.of());
    }

    /** With {@code extra} routes beside the webhook's. */
    public ServerFixture(HttpServerOptions options, String secret, QuestionMatcher matcher, List<Route> extra)
            throws InterruptedException {
        Pipeline pipeline = Pipeline.builder(matcher, escalations, botExecutor)
                .clock(clock)
                .policy(ChatPolicy.everywhere(ChatMode.MENTION))
                .build();
        WebhookConnector webhook = new WebhookConnector(WebhookOptions.of(secret, null), pipeline,
                new OutboundClient(OutboundOptions.defaults()), clock);
        List<Route> routes = new ArrayList<>(webhook.routes());
        routes.add(MatchRoute.of(pipeline));
        routes.addAll(extra);
        server = new QabotServer(options.withHost("127.0.0.1").withPort(0), ready::get, routes);
        port = server.start();
    }

    public static ServerFixture start(QuestionMatcher matcher) throws InterruptedException {
        return new ServerFixture(HttpServerOptions.defaults(), SECRET, matcher);
    }

    public static ServerFixture start() throws InterruptedException {
        return start(new KeywordMatcher());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static String message(String id, String user, String text) {
        return "{\"id\": \"" + id + "\", \"chat\": \"group-42\", \"thread\": \"t-9\", \"user\": {\"id\": \"" + user
                + "\", \"name\": \"Ann\"}, \"text\": \"" + text + "\", \"mentioned\": true}";
    }

    /** A webhook POST signed with the fixture's secret at the fixture's time. */
    public HttpRequest signed(String body) {
        return signedAt(body, NOW.getEpochSecond(), SECRET);
    }

    public HttpRequest signedAt(String body, long timestamp, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri("/hooks/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Qabot-Timestamp", Long.toString(timestamp))
                .header("X-Qabot-Signature", WebhookSignatures.sign(secret, Long.toString(timestamp), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build());
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        botExecutor.shutdownNow();
        botExecutor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
