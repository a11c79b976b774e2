package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} speaks Prometheus text and counts what the bot did. */
class MetricsTest {
    @TempDir
    Path dataDir;

    @Test
    void aScrapeShowsMessagesByDecisionMatchLatencyConfidenceEscalationsReloadsAndTheJvm() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
             BotFixture bot = BotFixture.start(BotFixture.environment(dataDir, Optional.empty(), chat.url()))) {
            bot.client.say("group-42", null, "u7", "How do I run qabot?");
            bot.client.say("group-42", null, "u8", "How do I tune the JVM garbage collector for qabot on ARM?");
            bot.client.admin("POST", "/api/v1/knowledge/reload", null);

            HttpResponse<String> scrape = bot.client.send("GET", "/metrics", null, null);

            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            String metrics = scrape.body();
            assertSample(metrics, "qabot_messages_total{decision=\"replied\",platform=\"webhook\"}", 1);
            assertSample(metrics, "qabot_messages_total{decision=\"escalated\",platform=\"webhook\"}", 1);
            assertSample(metrics, "qabot_match_latency_seconds_count", 2);
            assertTrue(metrics.contains("qabot_match_latency_seconds_bucket{le="), "latency is a histogram");
            assertSample(metrics, "qabot_match_confidence_bucket{le=\"1.0\"}", 2);
            assertSample(metrics, "qabot_escalations_open", 1);
            assertTrue(metrics.contains("qabot_escalations_oldest_age_seconds "), "the oldest escalation's age");
            assertSample(metrics, "qabot_knowledge_reloads_total{result=\"swapped\",trigger=\"start\"}", 1);
            assertSample(metrics, "qabot_knowledge_reloads_total{result=\"unchanged\",trigger=\"api\"}", 1);
            assertTrue(metrics.contains("jvm_memory_used_bytes{"), "JVM memory");
            assertTrue(metrics.contains("process_uptime_seconds "), "uptime");
        }
    }

    private static void assertSample(String metrics, String series, double value) {
        var sample = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(sample.find(), series + " in:\n" + metrics.lines().filter(l -> l.startsWith("qabot_"))
                .reduce("", (a, b) -> a + b + "\n"));
        assertEquals(value, Double.parseDouble(sample.group(1)), series);
    }
}
