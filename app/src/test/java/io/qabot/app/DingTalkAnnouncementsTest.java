package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
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
 * {@code qabot serve} with the maintainers' chat on DingTalk and a custom robot configured:
 * announcements of new escalations reach the robot's webhook, signed, and not the app robot.
 */
class DingTalkAnnouncementsTest {
    private static final String ROBOT_SECRET = "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private HttpServer dingtalk;
    private final BlockingQueue<URI> robotPosts = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> robotBodies = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> otherPaths = new LinkedBlockingQueue<>();
    private BotFixture bot;

    @BeforeEach
    void start() throws Exception {
        dingtalk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dingtalk.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/robot/send")) {
                robotPosts.add(exchange.getRequestURI());
                robotBodies.add(JSON.readTree(body));
            } else {
                otherPaths.add(exchange.getRequestURI().getPath());
            }
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        dingtalk.start();
        String base = "http://127.0.0.1:" + dingtalk.getAddress().getPort();
        Map<String, String> env = new HashMap<>(BotFixture.environment(dataDir, Optional.empty(), base + "/callback"));
        env.put("QABOT_CONNECTORS_DINGTALK_APP_KEY", "dingappkey");
        env.put("QABOT_CONNECTORS_DINGTALK_APP_SECRET", "app-secret");
        env.put("QABOT_CONNECTORS_DINGTALK_API_URL", base);
        env.put("QABOT_CONNECTORS_DINGTALK_CUSTOM_ROBOT_WEBHOOK", base + "/robot/send?access_token=robot-token");
        env.put("QABOT_CONNECTORS_DINGTALK_CUSTOM_ROBOT_SECRET", ROBOT_SECRET);
        env.put("QABOT_ESCALATION_MAINTAINERS_CHAT_PLATFORM", "dingtalk");
        env.put("QABOT_ESCALATION_MAINTAINERS_CHAT_CHAT", "cidMaintainers");
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
    void announcesANewEscalationThroughTheSignedCustomRobot() throws Exception {
        JsonNode asked = bot.client.say("group-42", null, "u1", MaintainersLoopTest.QUESTION);
        assertEquals("escalated", asked.path("outcome").asText(), asked.toString());
        long id = asked.path("escalation").asLong();

        URI post = robotPosts.poll(20, TimeUnit.SECONDS);
        assertTrue(post != null, "no announcement reached the custom robot; other calls: " + otherPaths);
        JsonNode body = robotBodies.take();
        Map<String, String> query = query(post.getRawQuery());
        assertEquals("robot-token", query.get("access_token"));
        assertEquals(sign(query.get("timestamp")), query.get("sign"));
        assertEquals("markdown", body.path("msgtype").asText());
        String text = body.path("markdown").path("text").asText();
        assertTrue(text.contains("#" + id) && text.contains(MaintainersLoopTest.QUESTION), text);
        assertTrue(otherPaths.isEmpty(), "nothing through the app robot: " + otherPaths);
    }

    /** DingTalk's custom-robot signature: Base64 HmacSHA256(secret, timestamp + "\n" + secret). */
    private static String sign(String timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ROBOT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + ROBOT_SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
