package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.app.CallbackReceiver.Callback;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members flag a wrong answer through the generic webhook, end to end on loopback with signed
 * requests, the SOFA corpus and the embedded store: reply_id out, reply_to in, "outcome": "flagged",
 * one notice in the thread, the escalation, and the flagged item kept from that question in that chat.
 */
class FeedbackLoopTest {
    static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));
    static final String QUESTION = "SOFAJRaft 跨机房支持吗？";
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    CallbackReceiver chat;
    BotFixture bot;

    @BeforeEach
    void start() throws Exception {
        chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
        Map<String, String> env = new java.util.HashMap<>(BotFixture.environment(dataDir, Optional.empty(), chat.url()));
        env.put("QABOT_KNOWLEDGE", SHARED.resolve("corpus/sofa-weekly").toString());
        bot = BotFixture.start(env);
    }

    @AfterEach
    void stop() {
        bot.close();
        chat.close();
    }

    JsonNode answered(String chatId, String user) throws Exception {
        JsonNode response = bot.client.say(chatId, "t-" + user, user, QUESTION);
        assertEquals("replied", response.path("outcome").asText(), response.toString());
        assertTrue(response.path("reply_id").asText().matches("[0-9a-f]{32}"), response.toString());
        return response;
    }

    @Test
    void aWrongReplyToAnAnswerFlagsItTellsTheThreadOnceAndKeepsTheItemFromThatQuestionInThatChat() throws Exception {
        JsonNode answer = answered("group-42", "u1");
        String replyId = answer.path("reply_id").asText();

        JsonNode flag = bot.client.say("group-42", "t-u1", "u2", "不对", false, replyId);

        assertEquals("flagged", flag.path("outcome").asText(), flag.toString());
        assertEquals(replyId, flag.path("flagged").asText());
        long escalation = flag.path("escalation").asLong();
        Callback notice = Eventually.await(PATIENCE, "the notice in the answer's thread",
                () -> chat.acceptedIn("group-42"), list -> !list.isEmpty()).get(0);
        assertEquals("t-u1", notice.body().path("thread").asText());
        assertEquals("u2", notice.user());
        assertTrue(notice.text().contains("maintainers"), notice.text());

        JsonNode second = bot.client.say("group-42", "t-u1", "u3", "wrong!", false, replyId);
        JsonNode again = bot.client.say("group-42", "t-u1", "u2", "答非所问", false, replyId);
        assertEquals(escalation, second.path("escalation").asLong(), "a second member joins the same escalation");
        assertEquals("flagged", again.path("outcome").asText());
        assertFalse(again.has("escalation"), "one member cannot flag the same answer twice: " + again);

        JsonNode repeat = bot.client.say("group-42", "t-u4", "u4", "sofajraft 跨机房支持吗");
        assertEquals("escalated", repeat.path("outcome").asText(), "not answered from the flagged item: " + repeat);
        assertEquals(escalation, repeat.path("escalation").asLong());
        assertEquals("replied", bot.client.say("group-7", "t-u5", "u5", QUESTION).path("outcome").asText(),
                "another chat is answered until a maintainer decides");

        JsonNode item = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + escalation, null));
        List<String> askers = MaintainersLoopTest.stream(item.path("askers")).map(a -> a.path("user").path("id").asText()).toList();
        assertEquals(List.of("u1", "u2", "u3", "u4"), askers);
        assertEquals(1, chat.acceptedIn("group-42").size(), "the thread is told once: " + chat.acceptedIn("group-42"));
    }

    @Test
    void aReplyToNothingOfTheBotsOrFromAnotherChatIsNoFlag() throws Exception {
        String replyId = answered("group-42", "u1").path("reply_id").asText();

        JsonNode elsewhere = bot.client.say("group-7", "t-u1", "u2", "不对", false, replyId);
        JsonNode unknown = bot.client.say("group-42", "t-u1", "u2", "不对", false, "0123456789abcdef0123456789abcdef");
        JsonNode question = bot.client.say("group-42", "t-u1", "u2", "what is wrong with my raft config?", false, replyId);

        assertFalse(elsewhere.path("outcome").asText().equals("flagged"), elsewhere.toString());
        assertFalse(unknown.path("outcome").asText().equals("flagged"), unknown.toString());
        assertFalse(question.path("outcome").asText().equals("flagged"), question.toString());
    }

    @Test
    void theQueueCarriesTheFlaggedAnswerAndTheVerdictRoutesSayWhatTheyCannotDo() throws Exception {
        JsonNode answer = answered("group-42", "u1");
        long flagged = bot.client.say("group-42", "t-u1", "u2", "👎", false, answer.path("reply_id").asText())
                .path("escalation").asLong();
        JsonNode unknown = bot.client.say("group-42", "t-u3", "u3", "Flink 的 checkpoint 间隔怎么配置？");
        assertEquals("escalated", unknown.path("outcome").asText(), unknown.toString());
        long plain = unknown.path("escalation").asLong();

        JsonNode queue = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations?status=open", null));
        JsonNode item = MaintainersLoopTest.stream(queue.path("items")).filter(i -> i.path("id").asLong() == flagged)
                .findFirst().orElseThrow();
        JsonNode f = item.path("flagged_answer");
        assertEquals(answer.path("reply_id").asText(), f.path("reply_id").asText());
        assertEquals(answer.path("answer").asText(), f.path("answer").asText());
        assertEquals(answer.path("source").path("file").asText(), f.path("source").path("file").asText());
        assertEquals(answer.path("score").asDouble(), f.path("confidence").asDouble(), 1e-9);
        assertEquals("pending", f.path("verdict").asText());
        assertTrue(MaintainersLoopTest.stream(queue.path("items")).filter(i -> i.path("id").asLong() == plain)
                .noneMatch(i -> i.has("flagged_answer")));

        assertEquals(400, bot.client.admin("POST", "/api/v1/escalations/" + flagged + "/verdict", "{\"verdict\":\"maybe\"}")
                .statusCode());
        assertEquals(409, bot.client.admin("POST", "/api/v1/escalations/" + plain + "/verdict", "{\"verdict\":\"right\"}")
                .statusCode());
        assertEquals(404, bot.client.admin("POST", "/api/v1/escalations/99999/verdict", "{\"verdict\":\"right\"}")
                .statusCode());
        assertEquals(401, bot.client.send("POST", "/api/v1/escalations/" + flagged + "/verdict", "{\"verdict\":\"right\"}",
                "wrong-token").statusCode());

        JsonNode right = WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + flagged + "/verdict",
                "{\"verdict\":\"right\",\"maintainer\":\"alice\"}"));
        assertEquals("dismissed", right.path("status").asText());
        assertEquals("right", right.path("flagged_answer").path("verdict").asText());
        assertEquals("replied", bot.client.say("group-42", "t-u5", "u5", QUESTION).path("outcome").asText(),
                "the flag is cleared: the item answers the question in that chat again");

        String item42 = "{\"item\":\"" + f.path("item").asText() + "\",\"maintainer\":\"alice\",\"reason\":\"old\"}";
        assertEquals(200, bot.client.admin("POST", "/api/v1/knowledge/retire", item42).statusCode());
        assertEquals(409, bot.client.admin("POST", "/api/v1/knowledge/retire", item42).statusCode());
        assertEquals(f.path("item").asText(), WebhookClient.json(bot.client.admin("GET", "/api/v1/knowledge/retired", null))
                .path("items").path(0).path("item").asText());
        assertEquals(200, bot.client.admin("POST", "/api/v1/knowledge/unretire", item42).statusCode());
        assertEquals(404, bot.client.admin("POST", "/api/v1/knowledge/unretire", item42).statusCode());
        assertEquals(400, bot.client.admin("POST", "/api/v1/knowledge/retire", "{}").statusCode());
    }

    @Test
    void theAdminApiListsTheOldAnswersInUseForReviewAndExplainsWhyTheBotDecided() throws Exception {
        answered("group-42", "u1");
        answered("group-7", "u2");

        JsonNode aged = WebhookClient.json(bot.client.admin("GET", "/api/v1/knowledge/aged", null));
        java.time.LocalDate before = java.time.LocalDate.parse(aged.path("before").asText());
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.systemDefault()).minusMonths(18), before,
                "by default, posts older than policy.answerAgeNotice (18 months)");
        JsonNode item = aged.path("items").path(0);
        assertEquals(1, aged.path("items").size(), aged.toString());
        assertEquals(2, item.path("answers").asInt());
        assertTrue(item.path("file").asText().startsWith("sofa-weekly-") && item.path("date").asText().startsWith("20"), item.toString());
        assertTrue(java.time.LocalDate.parse(item.path("date").asText()).isBefore(before));
        assertTrue(WebhookClient.json(bot.client.admin("GET", "/api/v1/knowledge/aged?before=2010-01-01", null))
                .path("items").isEmpty(), "nothing posted before 2010");
        HttpResponse<String> badDate = bot.client.admin("GET", "/api/v1/knowledge/aged?before=last-year", null);
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("before last-year is not a date like 2026-11-01"), badDate.body());
        assertEquals(400, bot.client.admin("GET", "/api/v1/knowledge/aged?top=0", null).statusCode());

        JsonNode why = WebhookClient.json(bot.client.admin("POST", "/api/v1/explain",
                "{\"text\": \"" + QUESTION + "\"}")).path("explain");
        assertTrue(why.path("decidedBy").asText().startsWith("threshold: confidence "), why.toString());
        assertTrue(why.path("modelConfidence").asDouble() >= why.path("threshold").asDouble(), why.toString());
        assertTrue(why.path("features").size() >= 3 && why.path("features").elements().next().has("adds"), why.toString());
    }

    @Test
    void aMaintainersAnswerDeliveredByCallbackCarriesAReplyIdAndAWrongReplyToItReachesTheMaintainers() throws Exception {
        String unknown = "Flink 的 checkpoint 间隔怎么配置？";
        JsonNode asked = bot.client.say("group-42", "t-u1", "u1", unknown);
        assertEquals("escalated", asked.path("outcome").asText(), asked.toString());
        long answered = asked.path("escalation").asLong();
        String maintainers = "用 execution.checkpointing.interval 配置。";
        bot.client.admin("POST", "/api/v1/escalations/" + answered + "/answer", WebhookClient.answerBody(maintainers, "alice"));

        Callback delivered = Eventually.await(PATIENCE, "the maintainer's answer by callback",
                () -> chat.acceptedIn("group-42"), list -> !list.isEmpty()).get(0);
        assertTrue(delivered.signed(), "signed like inbound requests: " + delivered);
        assertEquals("maintainer", delivered.body().path("source").asText());
        String replyId = delivered.body().path("reply_id").asText();
        assertTrue(replyId.matches("[0-9a-f]{32}"), delivered.body().toString());
        // the bot records the delivery (and the reply with it) once the bridge has answered
        Eventually.await(PATIENCE, "the delivery recorded as sent", () -> deliveryStates(answered),
                states -> states.equals(List.of("sent")));
        assertEquals("replied", bot.client.say("group-7", "t-u9", "u9", unknown).path("outcome").asText(),
                "the learned answer is in use");

        JsonNode flag = bot.client.say("group-42", "t-u1", "u2", "不对，这是旧版本的配置", false, replyId);

        assertEquals("flagged", flag.path("outcome").asText(), flag.toString());
        assertEquals(replyId, flag.path("flagged").asText());
        long escalation = flag.path("escalation").asLong();
        assertTrue(escalation != answered, "the answered escalation stays closed; the flag opens a new one");
        JsonNode item = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + escalation, null));
        assertEquals("open", item.path("status").asText());
        JsonNode f = item.path("flagged_answer");
        assertEquals(replyId, f.path("reply_id").asText());
        assertTrue(f.path("answer").asText().contains("execution.checkpointing.interval"), f.toString());
        assertTrue(f.path("item").asText().startsWith("maintainer-answers#"), f.toString());
        assertEquals("maintainer-answers", f.path("source").path("file").asText());
        assertEquals(List.of("u1", "u2"), MaintainersLoopTest.stream(item.path("askers"))
                .map(a -> a.path("user").path("id").asText()).toList());
        Callback notice = Eventually.await(PATIENCE, "the notice in the answer's thread",
                () -> chat.acceptedIn("group-42"), list -> list.size() == 2).get(1);
        assertEquals("t-u1", notice.body().path("thread").asText());
        assertFalse(notice.body().has("reply_id"), "a notice is no answer to flag: " + notice.body());

        JsonNode wrong = WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + escalation + "/verdict",
                "{\"verdict\":\"wrong\",\"maintainer\":\"bob\"}"));
        assertEquals("wrong", wrong.path("flagged_answer").path("verdict").asText(), wrong.toString());
        JsonNode again = bot.client.say("group-8", "t-u8", "u8", unknown);
        assertEquals("escalated", again.path("outcome").asText(),
                "a wrong verdict is a negative pair: the learned item is not used for the question anywhere: " + again);
    }

    private List<String> deliveryStates(long id) {
        try {
            JsonNode detail = WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + id, null));
            return MaintainersLoopTest.stream(detail.path("deliveries")).map(d -> d.path("state").asText()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
