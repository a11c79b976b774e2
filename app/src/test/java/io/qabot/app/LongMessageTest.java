package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 240 KB message is read, queued and counted on its first {@code policy.maxQuestionLength} characters, never whole. */
class LongMessageTest {
    @TempDir
    Path dataDir;

    @Test
    void aHugeMessageBecomesOneShortEscalationMarkedAsCut() throws Exception {
        String head = "为什么 sofa-rpc 启动时报这个错？";
        String huge = head + "\n" + "at io.example.Service.start(Service.java:42) 😀 caused by something\n".repeat(3_600);
        assertTrue(huge.length() > 240_000);
        Map<String, String> env = BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/x");
        try (BotFixture bot = BotFixture.start(env)) {
            long id = bot.client.say("group-42", null, "u1", huge).path("escalation").asLong();

            JsonNode escalation = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + id, null));
            String question = escalation.path("question").asText();
            assertTrue(question.startsWith(head), question.substring(0, 80));
            assertTrue(question.endsWith(" … [cut: 2000 of " + huge.length() + " characters]"),
                    question.substring(question.length() - 80));
            assertTrue(question.length() < 2_100, "stored cut, not whole: " + question.length());
            assertTrue(Character.isDefined(question.codePointAt(1_998)), "never half a character");

            JsonNode stats = Eventually.await(Duration.ofSeconds(20), "the question is recorded",
                    () -> WebhookClient.json(bot.client.admin("GET", "/api/v1/stats", null)),
                    s -> s.path("questions").asInt() == 1);
            assertTrue(stats.path("gaps").get(0).path("question").asText().length() <= 2_000, "counted cut too");
        }
    }

    @Test
    void theLimitIsASetting() throws Exception {
        Map<String, String> env = BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/x");
        env.put("QABOT_POLICY_MAX_QUESTION_LENGTH", "100");
        try (BotFixture bot = BotFixture.start(env)) {
            long id = bot.client.say("group-42", null, "u1", "为什么启动报错？" + " stack".repeat(100)).path("escalation").asLong();
            String question = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + id, null))
                    .path("question").asText();
            assertEquals("[cut: 100 of 608 characters]", question.substring(question.lastIndexOf('[')), question);
        }
    }
}
