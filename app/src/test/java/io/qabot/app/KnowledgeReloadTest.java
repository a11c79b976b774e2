package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fresh knowledge without restarts: the reload route, the file check, and askers served throughout. */
class KnowledgeReloadTest {
    private static final String QUESTION = "How long do snapshots of the raft log take?";
    private static final String NEW_QUESTION = "Which JDK does the installer need on Windows?";
    private static final String NEW_ANSWER = "JDK 17 or newer, from any vendor.";

    @TempDir
    Path dataDir;
    @TempDir
    Path knowledge;

    private Path faq(String answer, String... more) throws Exception {
        StringBuilder page = new StringBuilder("---\ntitle: \"Raft FAQ\"\n---\n\n### Q：" + QUESTION + "\n\n" + answer + "\n");
        for (int i = 0; i < more.length; i += 2) {
            page.append("\n### Q：").append(more[i]).append("\n\n").append(more[i + 1]).append("\n");
        }
        return Files.writeString(knowledge.resolve("raft-faq.md"), page.toString());
    }

    private BotFixture bot(Map<String, String> extra) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(BotFixture.environment(dataDir, Optional.empty(),
                "http://127.0.0.1:9/unused"));
        env.put("QABOT_KNOWLEDGE", knowledge.toString());
        env.put("QABOT_KNOWLEDGE_RELOAD_EVERY", "0s");
        env.putAll(extra);
        return BotFixture.start(env);
    }

    private static JsonNode reload(BotFixture bot) throws Exception {
        return WebhookClient.json(bot.client.admin("POST", "/api/v1/knowledge/reload", null));
    }

    @Test
    void theReloadRouteSwapsInEditedKnowledgeAndSaysWhatChanged() throws Exception {
        faq("Snapshots take about a second for a gigabyte of state.");
        try (BotFixture bot = bot(Map.of())) {
            assertEquals("Snapshots take about a second for a gigabyte of state.", bot.client.ask(QUESTION).path("answer").asText());

            faq("Snapshots are incremental since 1.3 and take milliseconds.",
                    NEW_QUESTION, NEW_ANSWER);
            JsonNode result = reload(bot);

            assertEquals(1, result.path("changed").asInt(), result.toString());
            assertEquals(1, result.path("added").asInt(), result.toString());
            assertEquals(0, result.path("removed").asInt(), result.toString());
            assertTrue(result.path("swapped").asBoolean(), result.toString());
            assertEquals("Snapshots are incremental since 1.3 and take milliseconds.",
                    bot.client.ask(QUESTION).path("answer").asText());
            assertEquals(NEW_ANSWER, bot.client.ask(NEW_QUESTION).path("answer").asText());
        }
    }

    @Test
    void aReloadThatFindsNothingNewKeepsTheIndexAndRemovedItemsLeaveIt() throws Exception {
        faq("Snapshots take about a second.", NEW_QUESTION, NEW_ANSWER);
        try (BotFixture bot = bot(Map.of())) {
            JsonNode again = reload(bot);
            assertFalse(again.path("swapped").asBoolean(), again.toString());
            assertEquals(2, again.path("unchanged").asInt(), again.toString());

            faq("Snapshots take about a second.");
            JsonNode removed = reload(bot);
            assertEquals(1, removed.path("removed").asInt(), removed.toString());
            assertFalse(bot.client.ask(NEW_QUESTION).toString().contains(NEW_ANSWER));
        }
    }

    @Test
    void aReloadThatCannotReadTheKnowledgeFailsAndTheOldKnowledgeKeepsAnswering() throws Exception {
        Path extra = Files.createDirectories(dataDir.resolve("more-knowledge"));
        faq("Snapshots take about a second.");
        try (BotFixture bot = bot(Map.of("QABOT_KNOWLEDGE", knowledge + "," + extra))) {
            Files.delete(extra);
            HttpResponse<String> failed = bot.client.admin("POST", "/api/v1/knowledge/reload", null);
            assertEquals(500, failed.statusCode(), failed.body());
            assertTrue(failed.body().contains("still answering from the previous knowledge"), failed.body());
            assertEquals("Snapshots take about a second.", bot.client.ask(QUESTION).path("answer").asText());
        }
    }

    @Test
    void editedFilesAreNoticedWithoutAnyoneAskingForAReload() throws Exception {
        faq("Snapshots take about a second.");
        try (BotFixture bot = bot(Map.of("QABOT_KNOWLEDGE_RELOAD_EVERY", "100ms"))) {
            faq("Snapshots take about a second.", NEW_QUESTION, NEW_ANSWER);
            JsonNode answered = Eventually.await(Duration.ofSeconds(20), "the new FAQ entry is answered",
                    () -> bot.client.ask(NEW_QUESTION),
                    result -> result.path("answer").asText().equals(NEW_ANSWER));
            assertEquals("answer", answered.path("decision").asText());
        }
    }

    @Test
    void askersGetAnAnswerFromTheOldOrTheNewKnowledgeWhileItIsReloadedOverAndOver() throws Exception {
        String before = "Snapshots take about a second for a gigabyte of state.";
        String after = "Snapshots are incremental since 1.3 and take milliseconds.";
        faq(before);
        try (BotFixture bot = bot(Map.of())) {
            int askers = 6;
            AtomicBoolean reloading = new AtomicBoolean(true);
            AtomicInteger asked = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(askers);
            ExecutorService pool = Executors.newFixedThreadPool(askers);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < askers; i++) {
                running.add(pool.submit(() -> {
                    WebhookClient client = new WebhookClient(bot.port(), BotFixture.SECRET, BotFixture.TOKEN);
                    started.countDown();
                    while (reloading.get()) {
                        try {
                            HttpResponse<String> response = client.send("POST", "/api/v1/ask",
                                    "{\"text\": \"" + QUESTION + "\"}", null);
                            asked.incrementAndGet();
                            JsonNode result = WebhookClient.json(response);
                            String answer = result.path("answer").asText();
                            if (!answer.equals(before) && !answer.equals(after)) {
                                failures.add("answered " + result);
                            }
                        } catch (Exception | AssertionError e) {
                            failures.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            started.await();
            int reloads = 30;
            for (int i = 0; i < reloads; i++) {
                faq(i % 2 == 0 ? after : before);
                assertTrue(reload(bot).path("swapped").asBoolean());
            }
            reloading.set(false);
            for (Future<?> asker : running) {
                asker.get();
            }
            pool.shutdown();
            assertEquals(List.of(), List.copyOf(failures));
            assertTrue(asked.get() >= askers, "askers asked during the reloads: " + asked.get());
        }
    }
}
