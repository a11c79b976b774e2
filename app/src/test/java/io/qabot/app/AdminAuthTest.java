package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin routes refuse without the right token and change nothing; without a configured token they are off. */
class AdminAuthTest {
    static final List<String[]> ADMIN_ROUTES = List.of(
            new String[] {"GET", "/api/v1/escalations?status=open", null},
            new String[] {"GET", "/api/v1/escalations/1", null},
            new String[] {"POST", "/api/v1/escalations/1/answer", WebhookClient.answerBody("an answer", "mallory")},
            new String[] {"POST", "/api/v1/escalations/1/claim", "{\"maintainer\": \"mallory\"}"},
            new String[] {"POST", "/api/v1/escalations/1/dismiss", "{}"},
            new String[] {"GET", "/api/v1/learned", null},
            new String[] {"POST", "/api/v1/learned/1/edit", WebhookClient.answerBody("an answer", "mallory")},
            new String[] {"POST", "/api/v1/learned/1/retract", "{}"},
            new String[] {"GET", "/api/v1/topics", null},
            new String[] {"POST", "/api/v1/explain", "{\"text\": \"hi\"}"},
            new String[] {"GET", "/api/v1/stats?since=2026-11-01&top=5", null},
            new String[] {"GET", "/api/v1/audit", null},
            new String[] {"GET", "/api/v1/knowledge/aged", null},
            new String[] {"GET", "/api/v1/feedback", null},
            new String[] {"POST", "/api/v1/knowledge/reload", null});

    private static final String EVIL = "https://evil.example";

    @TempDir
    Path dataDir;

    @Test
    void withoutAValidTokenEveryAdminRouteAnswers401AndNothingChanges() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
             BotFixture bot = BotFixture.start(BotFixture.environment(dataDir, Optional.empty(), chat.url()))) {
            long id = bot.client.say("group-42", null, "u1", "SOFAJRaft 支持跨机房部署吗？").path("escalation").asLong();
            assertEquals(1, id);
            String before = bot.client.admin("GET", "/api/v1/escalations?status=all", null).body();

            // fewer failures than the per-address limit, so each one is a plain 401
            String[] bearers = {null, "wrong-token", BotFixture.TOKEN + "x", ""};
            for (int i = 0; i < ADMIN_ROUTES.size(); i++) {
                String[] route = ADMIN_ROUTES.get(i);
                String bearer = bearers[i % bearers.length];
                HttpResponse<String> response = bot.client.send(route[0], route[1], route[2], bearer);
                assertEquals(401, response.statusCode(), route[0] + " " + route[1] + " with " + bearer);
            }

            assertEquals(before, bot.client.admin("GET", "/api/v1/escalations?status=all", null).body());
            assertTrue(WebhookClient.json(bot.client.admin("GET", "/api/v1/audit", null)).path("items").isEmpty());
            assertTrue(chat.acceptedIn("group-42").isEmpty(), "no answer went out");
        }
    }

    @Test
    void withoutAConfiguredTokenTheAdminRoutesAreOff() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT)) {
            Map<String, String> env = new java.util.HashMap<>(BotFixture.environment(dataDir, Optional.empty(), chat.url()));
            env.remove("QABOT_ADMIN_TOKEN");
            try (BotFixture bot = BotFixture.start(env)) {
                for (String[] route : ADMIN_ROUTES) {
                    HttpResponse<String> response = bot.client.send(route[0], route[1], route[2], "anything");
                    assertEquals(503, response.statusCode(), route[0] + " " + route[1]);
                }
                assertEquals(200, bot.client.send("GET", "/", null, null).statusCode(), "the sign-in page still loads");
            }
        }
    }

    @Test
    void anAddressThatKeepsGuessingIsTurnedAwayEvenWithTheRightToken() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
             BotFixture bot = BotFixture.start(BotFixture.environment(dataDir, Optional.empty(), chat.url()))) {
            for (int i = 0; i < 20; i++) {
                assertEquals(401, bot.client.send("GET", "/api/v1/escalations", null, "guess-" + i).statusCode());
            }

            HttpResponse<String> locked = bot.client.admin("GET", "/api/v1/escalations", null);

            assertEquals(429, locked.statusCode());
            assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        }
    }

    /**
     * What a page on another site can make a maintainer's browser do: send a form or a fetch
     * with the browser's cookies, never the dashboard's token (it lives in session storage and
     * travels only as a bearer header). Neither changes anything, and no response invites
     * another origin to read or to send credentials (no CORS headers).
     */
    @Test
    void aCrossSiteRequestCannotAnswerAnEscalationNorReadTheQueue() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
             BotFixture bot = BotFixture.start(BotFixture.environment(dataDir, Optional.empty(), chat.url()))) {
            long id = bot.client.say("group-42", null, "u1", "SOFAJRaft 支持跨机房部署吗？").path("escalation").asLong();
            HttpClient browser = HttpClient.newHttpClient();
            URI answer = URI.create("http://127.0.0.1:" + bot.port() + "/api/v1/escalations/" + id + "/answer");

            HttpResponse<String> form = browser.send(HttpRequest.newBuilder(answer)
                    .header("Origin", EVIL).header("Cookie", "session=maintainer")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("answer=pwned&maintainer=mallory")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> preflight = browser.send(HttpRequest.newBuilder(answer)
                    .header("Origin", EVIL).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> read = browser.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + bot.port() + "/api/v1/escalations?status=open"))
                    .header("Origin", EVIL).header("Authorization", "Bearer " + BotFixture.TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(401, form.statusCode(), form.body());
            for (HttpResponse<String> response : List.of(form, preflight, read)) {
                assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                        response.request().method() + " invites another origin: " + response.headers().map());
                assertTrue(response.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
            }
            JsonNode escalation = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + id, null));
            assertEquals("open", escalation.path("status").asText(), escalation.toString());
            assertTrue(chat.acceptedIn("group-42").isEmpty(), "no answer went out");
        }
    }

    @Test
    void theDashboardIsServedWithAPolicyThatRunsNoInlineScript() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
             BotFixture bot = BotFixture.start(BotFixture.environment(dataDir, Optional.empty(), chat.url()))) {
            HttpResponse<String> page = bot.client.send("GET", "/", null, null);

            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
            assertTrue(page.body().contains("Sign in"));
            JsonNode ready = WebhookClient.json(bot.client.send("GET", "/readyz", null, null));
            assertEquals("ready", ready.path("status").asText(), "ready once the knowledge is loaded and the store answers");
        }
    }
}
