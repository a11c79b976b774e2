package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.app.CallbackReceiver.Callback;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintainers' loop end to end in one bot on the embedded database: ask, escalate, answer, deliver, learn. */
class MaintainersLoopTest {
    static final String QUESTION = "SOFAJRaft 支持跨机房部署吗？";
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    CallbackReceiver chat;
    BotFixture bot;

    @BeforeEach
    void start() throws Exception {
        chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
        bot = BotFixture.start(BotFixture.environment(dataDir, Optional.empty(), chat.url()));
    }

    @AfterEach
    void stop() {
        bot.close();
        chat.close();
    }

    long escalate(String user, String text) throws Exception {
        JsonNode response = bot.client.say("group-42", "t-" + user, user, text);
        assertEquals("escalated", response.path("outcome").asText(), response.toString());
        return response.path("escalation").asLong();
    }

    @Test
    void anAnswerReachesEveryAskerInTheirThreadAndTheNextAskerGetsItFromTheBot() throws Exception {
        long id = escalate("u1", QUESTION);
        assertEquals(id, escalate("u2", "jraft 能不能跨机房部署？"), "the same question joins the open escalation");

        JsonNode answered = WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + id + "/answer",
                WebhookClient.answerBody("跨机房不需要特殊支持，只是网络延时大一点。", "alice",
                        "https://github.com/sofastack/sofa-jraft")));
        assertEquals("answered", answered.path("status").asText());

        List<Callback> delivered = Eventually.await(PATIENCE, "both askers get the answer",
                () -> chat.acceptedIn("group-42"), list -> list.size() == 2);
        assertEquals(List.of("u1", "u2"), delivered.stream().map(Callback::user).sorted().toList());
        for (Callback callback : delivered) {
            assertEquals("t-" + callback.user(), callback.body().path("thread").asText(), "in the asker's thread");
            assertEquals("maintainer", callback.body().path("source").asText());
            assertTrue(callback.text().contains("跨机房不需要特殊支持"), callback.text());
            assertTrue(callback.text().contains("Name " + callback.user()), "addressed to the asker: " + callback.text());
            assertTrue(callback.key().startsWith("escalation-" + id + "/asker-"), callback.key());
        }

        JsonNode next = bot.client.say("group-7", null, "u3", QUESTION);
        assertEquals("replied", next.path("outcome").asText(), next.toString());
        assertEquals("maintainer-answers", next.path("source").path("file").asText());
        assertTrue(next.path("answer").asText().contains("跨机房不需要特殊支持"));
        assertEquals("https://github.com/sofastack/sofa-jraft", next.path("links").path(0).asText());

        // the bridge has answered; the bot records each delivery as sent once it has read that answer
        Eventually.await(PATIENCE, "both deliveries recorded as sent", () -> deliveryStates(id),
                states -> states.equals(List.of("sent", "sent")));
    }

    private List<String> deliveryStates(long id) {
        try {
            JsonNode detail = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + id, null));
            return stream(detail.path("deliveries")).map(d -> d.path("state").asText()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theQueueListsOpenQuestionsInTheContractsShape() throws Exception {
        long id = escalate("u7", QUESTION);

        JsonNode queue = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations?status=open", null));

        JsonNode item = queue.path("items").path(0);
        assertEquals(id, item.path("id").asLong());
        assertEquals("open", item.path("status").asText());
        assertEquals(QUESTION, item.path("question").asText());
        JsonNode asker = item.path("askers").path(0);
        assertEquals("webhook", asker.path("platform").asText());
        assertEquals("group-42", asker.path("chat").asText());
        assertEquals("t-u7", asker.path("thread").asText());
        assertEquals("u7", asker.path("user").path("id").asText());
        assertEquals("Name u7", asker.path("user").path("name").asText());
        assertTrue(asker.path("message").asText().startsWith("m-"));
        assertTrue(asker.path("asked").isTextual() && item.path("created").isTextual());
    }

    @Test
    void maintainersAreToldOfEachNewEscalationAndCanAnswerInTheirChat() throws Exception {
        long id = escalate("u1", QUESTION);

        Callback announcement = Eventually.await(PATIENCE, "an announcement in the maintainers' chat",
                () -> chat.acceptedIn(BotFixture.MAINTAINERS), list -> !list.isEmpty()).get(0);
        assertTrue(announcement.text().contains("#" + id) && announcement.text().contains(QUESTION), announcement.text());

        JsonNode command = bot.client.say(BotFixture.MAINTAINERS, null, "bob", "/answer " + id
                + " 支持，见 https://www.sofastack.tech/projects/sofa-jraft/ 。");
        assertEquals("silent", command.path("outcome").asText());
        assertEquals("maintainer_command", command.path("reason").asText());

        Callback delivered = Eventually.await(PATIENCE, "the asker gets the chat command's answer",
                () -> chat.acceptedIn("group-42"), list -> !list.isEmpty()).get(0);
        assertTrue(delivered.text().contains("支持，见"), delivered.text());
        JsonNode escalation = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + id, null));
        assertEquals("answered", escalation.path("status").asText());
        assertEquals("Name bob", escalation.path("answer").path("maintainer").asText());
        assertEquals("https://www.sofastack.tech/projects/sofa-jraft/", escalation.path("answer").path("links").path(0).asText());
        Eventually.await(PATIENCE, "an acknowledgement in the maintainers' chat",
                () -> chat.acceptedIn(BotFixture.MAINTAINERS), list -> list.stream().anyMatch(c -> c.text().startsWith("Answered #" + id)));
    }

    @Test
    void aMaintainerAnswersByReplyingToTheBotInTheAnnouncementsThread() throws Exception {
        long id = escalate("u1", QUESTION);
        Callback announcement = Eventually.await(PATIENCE, "an announcement in the maintainers' chat",
                () -> chat.acceptedIn(BotFixture.MAINTAINERS), list -> !list.isEmpty()).get(0);
        String thread = announcement.postedId();
        // the bot notes where an announcement went once the bridge has answered; announcements go
        // out one after another, so once the next one is out, the first one's post is noted
        escalate("u2", "sofa-rpc 的超时时间在哪里配置？");
        Eventually.await(PATIENCE, "a second announcement", () -> chat.acceptedIn(BotFixture.MAINTAINERS),
                list -> list.size() >= 2);

        // talk among maintainers in the thread is not an answer; nor is a reply in another thread
        JsonNode talk = bot.client.say(BotFixture.MAINTAINERS, thread, "carol", "我记得支持，谁确认一下？", false);
        JsonNode elsewhere = bot.client.say(BotFixture.MAINTAINERS, "post-unknown", "carol", "支持。", true);
        assertEquals("open", WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + id, null))
                .path("status").asText(), talk + " / " + elsewhere);

        JsonNode reply = bot.client.say(BotFixture.MAINTAINERS, thread, "bob",
                "支持跨机房部署，见 https://www.sofastack.tech/projects/sofa-jraft/ 。", true);
        assertEquals("maintainer_command", reply.path("reason").asText(), reply.toString());

        Callback delivered = Eventually.await(PATIENCE, "the asker gets the threaded answer",
                () -> chat.acceptedIn("group-42"), list -> !list.isEmpty()).get(0);
        assertTrue(delivered.text().contains("支持跨机房部署"), delivered.text());
        JsonNode escalation = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + id, null));
        assertEquals("answered", escalation.path("status").asText());
        assertEquals("Name bob", escalation.path("answer").path("maintainer").asText());
        assertEquals("https://www.sofastack.tech/projects/sofa-jraft/", escalation.path("answer").path("links").path(0).asText());
        Eventually.await(PATIENCE, "an acknowledgement in the thread", () -> chat.acceptedIn(BotFixture.MAINTAINERS),
                list -> list.stream().anyMatch(c -> c.text().startsWith("Answered #" + id)
                        && thread.equals(c.body().path("thread").asText())));
    }

    @Test
    void claimingAndDismissingGoThroughTheSameDesk() throws Exception {
        long claimed = escalate("u1", QUESTION);
        long dismissed = escalate("u2", "sofa-rpc 的超时时间在哪里配置？");

        JsonNode claim = WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + claimed + "/claim",
                "{\"maintainer\": \"carol\"}"));
        JsonNode dismiss = WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + dismissed + "/dismiss", null));

        assertEquals("claimed", claim.path("status").asText());
        assertEquals("carol", claim.path("claimed_by").asText());
        assertEquals("dismissed", dismiss.path("status").asText());
        assertEquals(409, bot.client.admin("POST", "/api/v1/escalations/" + dismissed + "/answer",
                WebhookClient.answerBody("too late", "dave")).statusCode());
        assertEquals(404, bot.client.admin("POST", "/api/v1/escalations/999/answer",
                WebhookClient.answerBody("nobody asked", "dave")).statusCode());
        assertEquals(List.of(claimed), stream(WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations?status=open", null))
                .path("items")).map(i -> i.path("id").asLong()).toList());
    }

    @Test
    void anEditedAnswerIsWhatTheBotSaysNextAndARetractedOneIsForgotten() throws Exception {
        long id = escalate("u1", QUESTION);
        WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + id + "/answer",
                WebhookClient.answerBody("跨机房不需要特殊支持。", "alice")));
        long learned = WebhookClient.json(bot.client.admin("GET", "/api/v1/learned", null)).path("items").path(0).path("id").asLong();

        WebhookClient.json(bot.client.admin("POST", "/api/v1/learned/" + learned + "/edit",
                WebhookClient.answerBody("支持，但要注意网络延时。", "bob")));
        assertTrue(bot.client.ask(QUESTION).path("answer").asText().contains("注意网络延时"));

        WebhookClient.json(bot.client.admin("POST", "/api/v1/learned/" + learned + "/retract", "{\"maintainer\": \"carol\"}"));
        assertEquals("escalate", bot.client.ask(QUESTION).path("decision").asText());

        List<String> audit = stream(WebhookClient.json(bot.client.admin("GET", "/api/v1/audit", null)).path("items"))
                .map(a -> a.path("action").asText() + "/" + a.path("actor").asText()).toList();
        assertEquals(List.of("retract/carol", "edit/bob", "learn/alice", "answer/alice"), audit);
    }

    @Test
    void theSearchBoxExplainsWhatTheBotWouldAnswer() throws Exception {
        JsonNode explained = WebhookClient.json(bot.client.admin("POST", "/api/v1/explain",
                "{\"text\": \"qabot 支持哪些聊天平台\"}"));

        assertEquals("answer", explained.path("decision").asText());
        assertTrue(explained.path("score").asDouble() > 0.5);
        assertEquals("qabot 支持哪些聊天平台？", explained.path("best").path("question").asText());
        assertTrue(explained.path("runner_up").path("question").isTextual(), explained.toString());
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
