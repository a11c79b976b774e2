package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintainers' verdicts are honoured by every instance sharing one PostgreSQL database, and by
 * a bot started afresh on it: a flag taken by A keeps the item from the question in that chat on B,
 * an item retired through B stops being used by A, and a restarted A still does not use it.
 */
class FeedbackTwoInstancesTest {
    static final String QUESTION = "How do I run qabot?";

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;
    @TempDir
    Path dataC;

    @Test
    void aFlagAndARetiredItemHoldOnTheOtherInstanceWithinSecondsAndAfterARestart() throws Exception {
        String database = TestDatabases.freshPostgres();
        String item;
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
             BotFixture a = BotFixture.start(BotFixture.environment(dataA, Optional.of(database), chat.url()));
             BotFixture b = BotFixture.start(BotFixture.environment(dataB, Optional.of(database), chat.url()))) {
            JsonNode answer = a.client.say("group-42", "t-1", "u1", QUESTION);
            assertEquals("replied", answer.path("outcome").asText(), answer.toString());
            JsonNode flag = b.client.say("group-42", "t-1", "u2", "wrong", false, answer.path("reply_id").asText());
            assertEquals("flagged", flag.path("outcome").asText(), "B finds the answer A gave: " + flag);

            JsonNode onA = Eventually.await(Duration.ofSeconds(10), "A keeps the flagged item from the question in that chat",
                    () -> a.client.say("group-42", "t-3", "u3", QUESTION), r -> r.path("outcome").asText().equals("escalated"));
            assertEquals(flag.path("escalation").asLong(), onA.path("escalation").asLong());
            assertEquals("replied", a.client.say("group-7", "t-4", "u4", QUESTION).path("outcome").asText());

            item = WebhookClient.json(a.client.admin("GET", "/api/v1/escalations/" + flag.path("escalation").asLong(), null))
                    .path("flagged_answer").path("item").asText();
            assertEquals(200, b.client.admin("POST", "/api/v1/knowledge/retire",
                    "{\"item\":\"" + item + "\",\"maintainer\":\"alice\"}").statusCode());
            long start = System.nanoTime();
            Eventually.await(Duration.ofSeconds(10), "A stops using the item B retired",
                    () -> a.client.ask(QUESTION), r -> !r.path("decision").asText().equals("answer"));
            System.out.printf("instance A honoured B's retirement within %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
             BotFixture restarted = BotFixture.start(BotFixture.environment(dataC, Optional.of(database), chat.url()))) {
            JsonNode asked = restarted.client.say("group-9", "t-1", "u9", QUESTION);
            assertEquals("escalated", asked.path("outcome").asText(), "a bot started afresh honours it: " + asked);
        }
    }
}
