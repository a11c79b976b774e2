package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot is killed (SIGKILL) while it loads a large knowledge folder, with its store already
 * open. The next start over the same data folder finds every escalation, learned answer and
 * delivery as it was, answers from what was learned, and sends nothing twice.
 */
class KillDuringIngestionTest {
    private static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));
    /** Copies of the weekly digests: ~1000 files, seconds of parsing and indexing even on a fast machine. */
    private static final int COPIES = 5;
    private static final String ANSWERED = "How do I rotate the TLS certificates of the gateway without downtime?";
    private static final String OPEN = "Does the Kafka consumer support exactly-once semantics with transactions?";
    private static final String ANSWER = "Mount the new certificate and send SIGHUP; connections in flight keep the old one.";

    @TempDir
    Path dataDir;
    @TempDir
    Path knowledge;
    private final BotProcesses bots = new BotProcesses();

    @AfterEach
    void killLeftovers() {
        bots.close();
    }

    @Test
    void aBotKilledWhileLoadingItsKnowledgeLosesNothingFromItsStore() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT)) {
            Map<String, String> env = BotFixture.environment(dataDir, Optional.empty(), chat.url());
            env.remove("QABOT_ESCALATION_MAINTAINERS_CHAT_PLATFORM"); // only the askers' deliveries go out
            env.remove("QABOT_ESCALATION_MAINTAINERS_CHAT_CHAT");

            // a bot with the sample knowledge leaves an answered (learned, delivered) and an open escalation
            int firstPort = BotProcesses.freePort();
            Process first = bots.serve(env, firstPort, "ingestion-kill-first");
            WebhookClient before = new WebhookClient(firstPort, BotFixture.SECRET, BotFixture.TOKEN);
            BotProcesses.awaitReady(before, first);
            long answered = before.say("group-1", "t-1", "u1", ANSWERED).path("escalation").asLong();
            long open = before.say("group-2", "t-2", "u2", OPEN).path("escalation").asLong();
            assertTrue(answered > 0 && open > 0 && answered != open, "two escalations: " + answered + ", " + open);
            WebhookClient.json(before.admin("POST", "/api/v1/escalations/" + answered + "/answer",
                    WebhookClient.answerBody(ANSWER, "alice")));
            Eventually.await(Duration.ofSeconds(20), "the answer delivered", () -> deliveries(before, answered),
                    d -> d.size() == 1 && d.path(0).path("state").asText().equals("sent"));
            BotProcesses.kill(first);

            // the same data folder and a large knowledge folder: killed while it is being read
            Map<String, String> large = new HashMap<>(env);
            large.put("QABOT_KNOWLEDGE", largeKnowledge().toString());
            Process loading = bots.serve(large, BotProcesses.freePort(), "ingestion-kill-loading");
            BotProcesses.awaitLogLine("ingestion-kill-loading", loading, "knowledge: reading");
            BotProcesses.kill(loading);
            String killed = Files.readString(BotProcesses.log("ingestion-kill-loading"), StandardCharsets.UTF_8);
            assertTrue(killed.contains("store: H2"), "the store was open when the bot was killed:\n" + killed);
            assertFalse(killed.contains(" documents, "),
                    "the knowledge finished loading before the kill; the test needs a larger folder:\n" + killed);

            int thirdPort = BotProcesses.freePort();
            Process third = bots.serve(env, thirdPort, "ingestion-kill-restarted");
            WebhookClient after = new WebhookClient(thirdPort, BotFixture.SECRET, BotFixture.TOKEN);
            BotProcesses.awaitReady(after, third);

            assertEquals("answered", escalation(after, answered).path("status").asText());
            assertEquals("open", escalation(after, open).path("status").asText());
            JsonNode delivered = deliveries(after, answered);
            assertEquals(1, delivered.size());
            assertEquals("sent", delivered.path(0).path("state").asText());
            JsonNode learned = WebhookClient.json(after.admin("GET", "/api/v1/learned", null)).path("items");
            assertEquals(1, learned.size(), learned.toString());
            assertEquals(answered, learned.path(0).path("escalation").asLong());
            assertEquals(ANSWER, learned.path(0).path("answer").asText());

            JsonNode next = after.say("group-3", null, "u3", ANSWERED);
            assertEquals("answer", next.path("decision").asText(), "the next asker gets the learned answer: " + next);
            assertEquals(ANSWER, next.path("answer").asText());
            assertEquals(List.of("u1"), chat.accepted().stream().map(CallbackReceiver.Callback::user).toList(),
                    "the answer reached its asker once, and no restart sent it again");
        }
    }

    private Path largeKnowledge() throws Exception {
        Path digests = SHARED.resolve("corpus/sofa-weekly");
        List<Path> files;
        try (Stream<Path> listed = Files.list(digests)) {
            files = listed.filter(Files::isRegularFile).toList();
        }
        for (int copy = 1; copy <= COPIES; copy++) {
            Path folder = Files.createDirectories(knowledge.resolve("copy-" + copy));
            for (Path file : files) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return knowledge;
    }

    private static JsonNode escalation(WebhookClient client, long id) throws Exception {
        return WebhookClient.json(client.admin("GET", "/api/v1/escalations/" + id, null));
    }

    private static JsonNode deliveries(WebhookClient client, long id) throws Exception {
        return escalation(client, id).path("deliveries");
    }
}
