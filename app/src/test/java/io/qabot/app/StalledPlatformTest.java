package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack's API accepts connections and never answers. The bot keeps at most
 * {@code outbound.maxPending} posts to it under way, drops the rest with a WARN line and a
 * metric, and meanwhile answers on Telegram and the webhook as if nothing were wrong.
 */
class StalledPlatformTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLACK_SIGNING = "slack-signing-secret";
    private static final String TELEGRAM_TOKEN = "123456:telegram-token";
    private static final String TELEGRAM_HEADER = "telegram-header-secret";
    private static final String QUESTION = "How do I run qabot?";

    @TempDir
    Path dataDir;
    private final Semaphore slackPosts = new Semaphore(0);
    private final CountDownLatch slackAnswers = new CountDownLatch(1);
    private final BlockingQueue<JsonNode> telegramSent = new LinkedBlockingQueue<>();
    private HttpServer slack;
    private HttpServer telegram;

    @BeforeEach
    void startPlatforms() throws IOException {
        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.setExecutor(Executors.newCachedThreadPool());
        slack.createContext("/api/chat.postMessage", exchange -> {
            exchange.getRequestBody().readAllBytes();
            slackPosts.release();
            try {
                slackAnswers.await(60, TimeUnit.SECONDS); // stuck: no answer until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, "{\"ok\":true}");
        });
        slack.start();
        telegram = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        telegram.setExecutor(Executors.newCachedThreadPool());
        telegram.createContext("/bot" + TELEGRAM_TOKEN + "/", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String method = exchange.getRequestURI().getPath().replaceAll(".*/", "");
            if (method.equals("getMe")) {
                respond(exchange, "{\"ok\":true,\"result\":{\"id\":42,\"is_bot\":true,\"username\":\"qabot_bot\"}}");
            } else {
                telegramSent.add(body);
                respond(exchange, "{\"ok\":true,\"result\":{\"message_id\":9}}");
            }
        });
        telegram.start();
    }

    @AfterEach
    void stopPlatforms() {
        slackAnswers.countDown();
        slack.stop(0);
        telegram.stop(0);
    }

    @Test
    void aStalledPlatformFillsOnlyItsOwnBoundWhileTheOtherConnectorsKeepAnswering() throws Exception {
        Map<String, String> env = new HashMap<>(BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/x"));
        env.put("QABOT_CONNECTORS_SLACK_SIGNING_SECRET", SLACK_SIGNING);
        env.put("QABOT_CONNECTORS_SLACK_BOT_TOKEN", "xoxb-token");
        env.put("QABOT_CONNECTORS_SLACK_API_URL", "http://127.0.0.1:" + slack.getAddress().getPort() + "/api");
        env.put("QABOT_CONNECTORS_TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN);
        env.put("QABOT_CONNECTORS_TELEGRAM_SECRET_TOKEN", TELEGRAM_HEADER);
        env.put("QABOT_CONNECTORS_TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.getAddress().getPort());
        env.put("QABOT_OUTBOUND_MAX_PENDING", "2");

        try (BotFixture bot = BotFixture.start(env); LogCapture log = new LogCapture()) {
            // four askers in four channels, so neither the cooldown nor a channel's rate holds a reply back
            for (int i = 1; i <= 4; i++) {
                HttpResponse<String> ack = slackEvent(bot, "C" + i, "U" + i, "17000000" + i + ".000100");
                assertEquals(200, ack.statusCode(), ack.body());
            }
            assertTrue(slackPosts.tryAcquire(2, 20, TimeUnit.SECONDS), "two replies on the wire to the stalled Slack");
            String metrics = Eventually.await(Duration.ofSeconds(20), "the two replies past the bound counted as dropped",
                    () -> bot.client.send("GET", "/metrics", null, null).body(),
                    m -> m.contains("qabot_outbound_dropped_total{platform=\"slack\"} 2.0"));
            assertTrue(metrics.contains("qabot_outbound_dropped_total"));

            // Slack is still stuck; Telegram and the webhook answer all the same
            HttpResponse<String> update = post(bot, "/hooks/telegram", telegramUpdate().getBytes(StandardCharsets.UTF_8),
                    Map.of("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_HEADER));
            assertEquals(200, update.statusCode(), update.body());
            JsonNode sent = telegramSent.poll(20, TimeUnit.SECONDS);
            assertNotNull(sent, "the Telegram reply was posted while Slack hangs");
            assertTrue(sent.path("text").asText().contains("starts the bot"), sent.toString());
            assertEquals("answer", bot.client.say("group-42", null, "u9", QUESTION).path("decision").asText());

            assertEquals(0, slackPosts.availablePermits(), "no more than the bound ever reached Slack");
            assertTrue(log.events().stream().anyMatch(e -> e.getLevel() == Level.WARN
                            && e.getFormattedMessage().startsWith("slack: dropped 1 post to 127.0.0.1: 2 already under way")),
                    "a WARN line says a post was dropped and why");
        }
    }

    private String telegramUpdate() {
        ObjectNode update = JSON.createObjectNode().put("update_id", 5001);
        ObjectNode message = update.putObject("message").put("message_id", 77).put("date", 1_700_000_000L)
                .put("text", QUESTION);
        message.putObject("chat").put("id", 555).put("type", "private");
        message.putObject("from").put("id", 555).put("is_bot", false).put("first_name", "Ann");
        return update.toString();
    }

    /** A signed Events API {@code app_mention}, as Slack posts it. */
    private HttpResponse<String> slackEvent(BotFixture bot, String channel, String user, String ts) throws Exception {
        ObjectNode envelope = JSON.createObjectNode().put("type", "event_callback").put("event_id", "Ev" + ts);
        envelope.putObject("event").put("type", "app_mention").put("user", user).put("channel", channel)
                .put("ts", ts).put("text", "<@UBOT> " + QUESTION);
        envelope.putArray("authorizations").addObject().put("user_id", "UBOT");
        byte[] body = JSON.writeValueAsBytes(envelope);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SLACK_SIGNING.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
        String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        return post(bot, "/hooks/slack", body, Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature));
    }

    private static HttpResponse<String> post(BotFixture bot, String path, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
