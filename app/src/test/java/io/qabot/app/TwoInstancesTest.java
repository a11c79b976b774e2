package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.app.CallbackReceiver.Callback;
import io.qabot.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two bots, each with its own server, sharing one PostgreSQL database. */
class TwoInstancesTest {
    static final String QUESTION = "SOFAJRaft 支持跨机房部署吗？";

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    @Test
    void aQuestionEscalatedThroughAAndAnsweredThroughBIsDeliveredOnceAndBothAnswerTheNextAsker() throws Exception {
        String database = TestDatabases.freshPostgres();
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
             BotFixture a = BotFixture.start(BotFixture.environment(dataA, Optional.of(database), chat.url()));
             BotFixture b = BotFixture.start(BotFixture.environment(dataB, Optional.of(database), chat.url()))) {
            long id = a.client.say("group-42", "t-1", "u1", QUESTION).path("escalation").asLong();
            assertEquals(id, a.client.say("group-42", "t-2", "u2", "jraft 能不能跨机房部署？").path("escalation").asLong());
            JsonNode queueOnB = WebhookClient.json(b.client.admin("GET", "/api/v1/escalations?status=open", null));
            assertEquals(id, queueOnB.path("items").path(0).path("id").asLong(), "B sees A's escalation");

            // the announcer runs on its own tick, and an escalation answered before it is not announced:
            // wait for the announcement before answering, and count at the end that it came once
            Eventually.await(Duration.ofSeconds(10), "the escalation announced",
                    () -> chat.acceptedIn(BotFixture.MAINTAINERS), posts -> !posts.isEmpty());
            WebhookClient.json(b.client.admin("POST", "/api/v1/escalations/" + id + "/answer",
                    WebhookClient.answerBody("跨机房不需要特殊支持，只是网络延时大一点。", "alice")));

            Eventually.await(Duration.ofSeconds(20), "both deliveries recorded as sent",
                    () -> WebhookClient.json(a.client.admin("GET", "/api/v1/escalations/" + id, null)).path("deliveries"),
                    d -> d.size() == 2 && d.path(0).path("state").asText().equals("sent")
                            && d.path(1).path("state").asText().equals("sent"));
            List<Callback> delivered = chat.acceptedIn("group-42");
            assertEquals(List.of("u1", "u2"), delivered.stream().map(Callback::user).sorted().toList(),
                    "each asker once, though two outbox workers were looking");

            long start = System.nanoTime();
            JsonNode fromA = Eventually.await(Duration.ofSeconds(10), "A answers from what B learned",
                    () -> a.client.ask(QUESTION), r -> r.path("decision").asText().equals("answer"));
            System.out.printf("instance A learned B's answer within %d ms%n", (System.nanoTime() - start) / 1_000_000);
            JsonNode fromB = b.client.ask(QUESTION);
            for (JsonNode answer : List.of(fromA, fromB)) {
                assertEquals("answer", answer.path("decision").asText(), answer.toString());
                assertTrue(answer.path("answer").asText().contains("跨机房不需要特殊支持"));
                assertEquals("maintainer-answers", answer.path("source").path("file").asText());
            }
            assertEquals(1, chat.acceptedIn(BotFixture.MAINTAINERS).stream()
                    .filter(c -> c.text().startsWith("New question #" + id)).count(),
                    "announced once by the two instances: " + chat.acceptedIn(BotFixture.MAINTAINERS));
        }
    }
}
