package io.qabot.connectors.feishu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.config.FeishuConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.core.Escalation;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.Platform;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's 👎 ({@code im.message.reaction.created_v1}) or "不对" reply on the bot's Feishu answer,
 * encrypted in Feishu's format and signed by the official SDK's code, through the connector into the
 * real store.
 */
class FeishuFeedbackTest {
    private static final String ENCRYPT_KEY = "kudryavka-encrypt-key-7Yq2";
    private static final String TOKEN = "v_token_xxx";
    private static final String QUESTION_ID = "om_5ce6d572455d361153b7cb51da133945";
    private static final String ANSWER_ID = "om_answer_0001";
    private static final String CHAT = "oc_5ce6d572455d361153b7cb5xxfsdfsdfdsf";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private final RecordingPlatformApi api = new RecordingPlatformApi();
    private final SdkSignatures sdk = new SdkSignatures(TOKEN, ENCRYPT_KEY);
    private TestBot bot;

    @BeforeEach
    void start() throws Exception {
        api.on("/open-apis/auth/v3/tenant_access_token/internal",
                        "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-g1044qeGEDXTB6NDJOGV4JQCYDGHRB\",\"expire\":7200}")
                .on("/open-apis/bot/v3/info", "{\"code\":0,\"msg\":\"ok\",\"bot\":{\"app_name\":\"HelperBot\",\"open_id\":\"ou_bot\"}}")
                .on("/open-apis/im/v1/messages/" + QUESTION_ID + "/reply",
                        "{\"code\":0,\"msg\":\"success\",\"data\":{\"message_id\":\"" + ANSWER_ID + "\"}}");
        bot = TestBot.withStore(Platform.FEISHU, dataDir);
        FeishuConnector connector = new FeishuConnector(new FeishuConfig("cli_a1b2c3", Secret.of("app-secret-Xy"),
                Secret.of(TOKEN), Optional.of(Secret.of(ENCRYPT_KEY)), api.url()), bot.pipeline, bot.outbound, bot.clock);
        bot.serve(connector.routes());
    }

    @AfterEach
    void stop() throws InterruptedException {
        bot.close();
        api.close();
    }

    private void deliver(String event) throws Exception {
        String body = JSON.createObjectNode().put("encrypt", FeishuEncryptor.encrypt(ENCRYPT_KEY, event)).toString();
        String timestamp = Long.toString(TestBot.NOW.getEpochSecond());
        HttpResponse<String> response = bot.http.send(HttpRequest.newBuilder(bot.uri(FeishuConnector.PATH))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Lark-Request-Timestamp", timestamp)
                .header("X-Lark-Request-Nonce", "n-1")
                .header("X-Lark-Signature", sdk.sign(timestamp, "n-1", ENCRYPT_KEY, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
    }

    static String message(String eventId, String messageId, String sender, String text, String parent) {
        return TestBot.resource("feishu/im-message-receive-v1.json")
                .replace("5e3702a84e847582be8db7fb73283c02", eventId)
                .replace(QUESTION_ID, messageId)
                .replace("\"open_id\":\"ou_asker\"", "\"open_id\":\"" + sender + "\"")
                .replace("\"parent_id\":\"\"", "\"parent_id\":\"" + parent + "\"")
                .replace("how do I build?", text);
    }

    static String reaction(String eventId, String messageId, String openId, String emoji, String operator) {
        return """
                {"schema": "2.0",
                 "header": {"event_id": "%s", "event_type": "im.message.reaction.created_v1", "create_time": "1717000001000",
                            "token": "v_token_xxx", "app_id": "cli_a1b2c3", "tenant_key": "2ca1d211f64f6438"},
                 "event": {"message_id": "%s", "reaction_type": {"emoji_type": "%s"}, "operator_type": "%s",
                           "user_id": {"open_id": "%s", "union_id": "on_x", "user_id": "u9"}, "action_time": "1717000001000"}}
                """.formatted(eventId, messageId, emoji, operator, openId);
    }

    private void answered() throws Exception {
        deliver(message("ev-1", QUESTION_ID, "ou_asker", "请问 jraft 支持跨机房吗", ""));
        api.next("/open-apis/im/v1/messages/" + QUESTION_ID + "/reply");
        TestBot.await(() -> bot.store.feedback().reply(Platform.FEISHU, CHAT, ANSWER_ID), found -> found.isPresent());
    }

    @Test
    void aThumbsDownOrAWrongReplyFlagsTheAnswerTheThreadIsToldOnceAndRetiringTakesEffect() throws Exception {
        answered();

        deliver(reaction("ev-2", ANSWER_ID, "ou_flagger", "ThumbsDown", "user"));

        Escalation flagged = bot.openWhen(open -> open.size() == 1).get(0);
        assertEquals(List.of("ou_asker", "ou_flagger"), flagged.askers().stream().map(a -> a.user().id()).toList());
        assertEquals(CHAT, flagged.askers().get(1).chat(), "the reaction's chat is the answer's");
        RecordingPlatformApi.Recorded notice = api.next("/open-apis/im/v1/messages/" + ANSWER_ID + "/reply");
        String text = JSON.readTree(notice.json().path("content").asText()).path("text").asText();
        assertTrue(text.contains("maintainers"), text);

        deliver(message("ev-3", "om_reply_0002", "ou_other", "不对", ANSWER_ID));
        deliver(reaction("ev-4", ANSWER_ID, "ou_flagger", "THUMBSDOWN", "user"));
        bot.openWhen(open -> open.get(0).askers().size() == 3);
        assertEquals(2, bot.store.escalations().find(flagged.id()).orElseThrow().flagged().orElseThrow().flags());
        assertEquals(1, api.all("/open-apis/im/v1/messages/" + ANSWER_ID + "/reply").size(), "told once");

        assertTrue(bot.verdicts.decide(flagged.id(), FlaggedAnswer.Verdict.RETIRED, "alice").done());
        deliver(message("ev-5", "om_again_0003", "ou_next", "请问 jraft 支持跨机房吗", ""));
        bot.openWhen(open -> open.get(0).askers().stream().anyMatch(a -> a.user().id().equals("ou_next")));
        assertTrue(api.all("/open-apis/im/v1/messages/om_again_0003/reply").isEmpty(), "a retired item answers nothing");
    }

    @Test
    void aReactionOnSomeoneElsesMessageOrByAnAppOpensNothing() throws Exception {
        answered();

        deliver(reaction("ev-2", QUESTION_ID, "ou_flagger", "ThumbsDown", "user"));
        deliver(reaction("ev-3", ANSWER_ID, "ou_flagger", "ThumbsDown", "app"));
        deliver(reaction("ev-4", ANSWER_ID, "ou_flagger", "SMILE", "user"));
        deliver(reaction("ev-5", ANSWER_ID, "ou_fan", "THUMBSUP", "user"));

        deliver(message("ev-6", "om_later_0004", "ou_asker", "谢谢", ""));
        TestBot.await(() -> bot.matcher.calls(), calls -> calls == 2);
        assertTrue(bot.store.escalations().open().isEmpty());
        assertTrue(api.all("/open-apis/im/v1/messages/" + ANSWER_ID + "/reply").isEmpty());
    }
}
