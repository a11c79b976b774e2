package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/stats} serves, while the bot runs, the figures {@code qabot stats} prints, to admins only. */
class StatsRouteTest {
    private static final String GAP = "How do I tune the JVM garbage collector for qabot on ARM?";

    @TempDir
    Path dataDir;

    @Test
    void whileTheBotRunsTheRouteServesTheObjectQabotStatsPrints() throws Exception {
        Map<String, String> env = BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/x");
        JsonNode served;
        try (BotFixture bot = BotFixture.start(env)) {
            bot.client.say("group-42", null, "u1", "How do I run qabot?");
            bot.client.say("group-42", null, "u2", "how do i run qabot");
            bot.client.say("group-42", null, "u1", GAP);
            bot.client.say("group-42", null, "u2", GAP);

            served = Eventually.await(Duration.ofSeconds(15), "the four questions are recorded",
                    () -> WebhookClient.json(bot.client.admin("GET", "/api/v1/stats?top=5", null)),
                    stats -> stats.path("questions").asInt() == 4);
            HttpResponse<String> response = bot.client.admin("GET", "/api/v1/stats?top=5", null);
            assertEquals(200, response.statusCode());
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        }

        assertEquals(2, served.path("answered").asInt(), served.toString());
        assertEquals(2, served.path("escalated").asInt(), served.toString());
        assertEquals(0.5, served.path("answerRate").asDouble(), served.toString());
        assertEquals(GAP, served.path("gaps").get(0).path("question").asText(), served.toString());
        assertEquals(2, served.path("gaps").get(0).path("count").asInt(), served.toString());
        assertEquals(command(List.of("stats", "--top", "5"), env), served, "the same object as qabot stats");
    }

    @Test
    void aWrongTokenGets401AndNoFigures() throws Exception {
        try (BotFixture bot = BotFixture.start(BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/x"))) {
            bot.client.say("group-42", null, "u1", GAP);

            HttpResponse<String> response = bot.client.send("GET", "/api/v1/stats", null, "wrong-token");

            assertEquals(401, response.statusCode());
            assertFalse(response.body().contains("questions"), response.body());
        }
    }

    @Test
    void aSinceThatIsNotADateIsA400NamingIt() throws Exception {
        try (BotFixture bot = BotFixture.start(BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/x"))) {
            HttpResponse<String> response = bot.client.admin("GET", "/api/v1/stats?since=yesterday", null);

            assertEquals(400, response.statusCode());
            assertEquals("since yesterday is not a date like 2026-11-01",
                    new ObjectMapper().readTree(response.body()).path("error").asText());
            assertEquals(0, WebhookClient.json(bot.client.admin("GET", "/api/v1/stats?since=2999-01-01", null))
                    .path("questions").asInt());
        }
    }

    private static JsonNode command(List<String> args, Map<String, String> env) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, env, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toByteArray());
    }
}
