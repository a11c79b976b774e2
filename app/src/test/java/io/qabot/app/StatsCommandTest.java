package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qabot stats} reads what a bot recorded: counts, answer rate, most-asked questions and gaps. */
class StatsCommandTest {
    private static final String GAP = "How do I tune the JVM garbage collector for qabot on ARM?";

    @TempDir
    Path dataDir;

    @Test
    void countsTheQuestionsAnswersAndTheMostAskedUnansweredOnes() throws Exception {
        Map<String, String> env = BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/x");
        try (BotFixture bot = BotFixture.start(env)) {
            bot.client.say("group-42", null, "u1", "How do I run qabot?");
            bot.client.say("group-42", null, "u2", "how do i run qabot");
            bot.client.say("group-42", null, "u3", "How do I run qabot?");
            bot.client.say("group-42", null, "u1", GAP);
            bot.client.say("group-42", null, "u2", GAP);
            bot.client.say("group-42", null, "u4", "谢谢");
        }

        JsonNode stats = stats(List.of("stats", "--top", "5"), env);

        assertEquals(5, stats.path("questions").asInt(), stats.toString());
        assertEquals(3, stats.path("answered").asInt(), stats.toString());
        assertEquals(2, stats.path("escalated").asInt(), stats.toString());
        assertEquals(0.6, stats.path("answerRate").asDouble(), stats.toString());
        assertEquals(3, stats.path("top").get(0).path("count").asInt(), stats.toString());
        assertTrue(stats.path("top").get(0).path("answered").asBoolean(), stats.toString());
        assertEquals(GAP, stats.path("gaps").get(0).path("question").asText(), stats.toString());
        assertEquals(2, stats.path("gaps").get(0).path("count").asInt(), stats.toString());
        assertEquals(0, stats(List.of("stats", "--since", "2999-01-01"), env).path("questions").asInt());
    }

    @Test
    void aQuestionAMaintainerAnsweredIsAnsweredOnceInMostAskedAndNoLongerAGap() throws Exception {
        Map<String, String> env = BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/x");
        try (BotFixture bot = BotFixture.start(env)) {
            long id = bot.client.say("group-42", null, "u1", GAP).path("escalation").asLong();
            bot.client.say("group-42", null, "u2", GAP);
            WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + id + "/answer",
                    WebhookClient.answerBody("Use the defaults; ARM needs nothing special.", "alice")));
            // learned at once: the next asker is answered by the bot from the maintainer's answer
            assertEquals("answer", bot.client.say("group-42", null, "u3", GAP).path("decision").asText());
            // the question log is written on a timer, after the reply
            Eventually.await(java.time.Duration.ofSeconds(20), "the third asking recorded",
                    () -> WebhookClient.json(bot.client.admin("GET", "/api/v1/stats", null)).path("questions").asInt(),
                    n -> n == 3);
        }

        JsonNode stats = stats(List.of("stats"), env);

        assertEquals(3, stats.path("questions").asInt(), stats.toString());
        assertEquals(1, stats.path("answered").asInt(), stats.toString());
        assertEquals(2, stats.path("escalated").asInt(), stats.toString());
        assertEquals(2, stats.path("answeredLater").asInt(), stats.toString());
        assertEquals(1, stats.path("top").size(), "one question, listed once: " + stats);
        assertEquals(GAP, stats.path("top").get(0).path("question").asText(), stats.toString());
        assertEquals(3, stats.path("top").get(0).path("count").asInt(), stats.toString());
        assertTrue(stats.path("top").get(0).path("answered").asBoolean(), stats.toString());
        assertEquals(0, stats.path("gaps").size(), "an answered question is no gap: " + stats);
    }

    @Test
    void aBadSinceIsBadUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of("stats", "--since", "yesterday"), Map.of("QABOT_DATA_DIR", dataDir.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertEquals("qabot: stats: --since yesterday is not a date like 2026-11-01\n", err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode stats(List<String> args, Map<String, String> env) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, env, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toByteArray());
    }
}
