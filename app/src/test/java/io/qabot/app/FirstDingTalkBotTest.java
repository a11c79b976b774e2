package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first DingTalk bot of docs/first-bots.md, steps 9 to 11, through a whole bot and a fake
 * DingTalk on loopback: "chat id" tells the group's id, an unknown question is acknowledged in
 * the group with its escalation's number, and the maintainer's answer comes to the same group.
 */
class FirstDingTalkBotTest {
    private static final String APP_SECRET = "app-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private HttpServer dingtalk;
    private final BlockingQueue<JsonNode> groupPosts = new LinkedBlockingQueue<>();
    private String base;
    private BotFixture bot;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        dingtalk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dingtalk.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/robot/sendBySession")) {
                groupPosts.add(JSON.readTree(body));
            }
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        dingtalk.start();
        base = "http://127.0.0.1:" + dingtalk.getAddress().getPort();
        Map<String, String> env = new HashMap<>(BotFixture.environment(dataDir, Optional.empty(), base + "/callback"));
        env.remove("QABOT_ESCALATION_MAINTAINERS_CHAT_PLATFORM");
        env.remove("QABOT_ESCALATION_MAINTAINERS_CHAT_CHAT");
        env.put("QABOT_CONNECTORS_DINGTALK_APP_KEY", "dingappkey");
        env.put("QABOT_CONNECTORS_DINGTALK_APP_SECRET", APP_SECRET);
        env.put("QABOT_CONNECTORS_DINGTALK_API_URL", base);
        bot = BotFixture.start(env);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        dingtalk.stop(0);
    }

    @Test
    void chatIdThenAnAcknowledgedEscalationThenTheAnswerInTheSameGroup() throws Exception {
        assertEquals(200, say("msg-1", "chat id"));
        String id = text(groupPosts.poll(20, TimeUnit.SECONDS));
        assertTrue(id.contains("This chat is dingtalk") && id.contains("cidAbCdEf0123456789="), id);
        assertTrue(id.contains("{platform: dingtalk, chat: \"cidAbCdEf0123456789=\", mode: mention}"), id);

        assertEquals(200, say("msg-2", "sofa-registry 怎么做灰度发布？"));
        String ack = text(groupPosts.poll(20, TimeUnit.SECONDS));
        long escalation = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations", null))
                .path("items").get(0).path("id").asLong();
        assertTrue(ack.contains("已经转给社区维护者（#" + escalation + "）"), ack);
        assertTrue(ack.contains("@0123456789"), "the asker is mentioned: " + ack);

        WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + escalation + "/answer",
                WebhookClient.answerBody("先灰度一台，观察一天再全量。", "alice")));
        String answer = text(groupPosts.poll(20, TimeUnit.SECONDS));
        assertTrue(answer.contains("先灰度一台，观察一天再全量。") && answer.contains("@0123456789"), answer);
    }

    private static String text(JsonNode post) {
        assertTrue(post != null, "nothing posted to the group");
        return post.path("markdown").path("text").asText(post.toString());
    }

    private int say(String msgId, String text) throws Exception {
        long now = System.currentTimeMillis();
        String body = """
                {"msgtype":"text","text":{"content":" %s"},"msgId":"%s","createAt":%d,
                 "conversationType":"2","conversationId":"cidAbCdEf0123456789=","conversationTitle":"Demo 开发者群",
                 "senderId":"$:LWCP_v1:$aBcDeF==","senderStaffId":"0123456789","senderNick":"李雷",
                 "isInAtList":true,"sessionWebhook":"%s/robot/sendBySession?session=0f1e2d3c",
                 "sessionWebhookExpiredTime":%d}""".formatted(text, msgId, now, base, now + 5_400_000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sign = Base64.getEncoder().encodeToString(
                mac.doFinal((now + "\n" + APP_SECRET).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + bot.port() + "/hooks/dingtalk"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("timestamp", Long.toString(now)).header("sign", sign)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
