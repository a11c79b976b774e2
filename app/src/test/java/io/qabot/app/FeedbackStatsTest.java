package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qabot stats} and {@code /metrics} count the answers given, flagged and found helpful. */
class FeedbackStatsTest {
    @TempDir
    Path dataDir;

    @Test
    void statsCountAnswersFlaggedAndHelpfulPerWeekAndMetricsCountTheFlags() throws Exception {
        Map<String, String> env = new HashMap<>(BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/x"));
        env.put("QABOT_ESCALATION_TIME_ZONE", "UTC");
        try (BotFixture bot = BotFixture.start(env)) {
            String first = bot.client.say("group-42", "t-1", "u1", "How do I run qabot?").path("reply_id").asText();
            bot.client.say("group-42", "t-2", "u2", "How do I run qabot?");
            bot.client.say("group-42", "t-3", "u3", "qabot 支持哪些聊天平台？");
            assertEquals("flagged", bot.client.say("group-42", "t-1", "u4", "没用", false, first).path("outcome").asText());
            bot.client.say("group-42", "t-1", "u5", "答非所问", false, first);

            HttpResponse<String> scrape = bot.client.send("GET", "/metrics", null, null);
            assertTrue(scrape.body().contains("qabot_answers_flagged_total{kind=\"wrong\",platform=\"webhook\"} 2.0"),
                    scrape.body().lines().filter(l -> l.startsWith("qabot_answers")).toList().toString());
            assertTrue(scrape.body().contains("qabot_messages_total{decision=\"flagged\",platform=\"webhook\"} 2.0"));
        }

        JsonNode feedback = StatsCommandTest.stats(List.of("stats"), env).path("feedback");

        assertEquals(3, feedback.path("answers").asInt(), feedback.toString());
        assertEquals(1, feedback.path("flagged").asInt(), "one answer flagged, by two members: " + feedback);
        assertEquals(0.333, feedback.path("flagRate").asDouble(), 1e-9);
        JsonNode week = feedback.path("weeks").path(0);
        assertEquals(LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(),
                week.path("week").asText());
        assertEquals(3, week.path("answers").asInt());
        assertEquals(1, week.path("flagged").asInt());
        assertEquals(0, week.path("helpful").asInt());
    }
}
