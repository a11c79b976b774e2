package io.qabot.connectors.wecom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.Secret;
import io.qabot.config.WeComConfig;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.core.Escalation;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.Platform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "@bot 不对" right after the bot's answer in a WeCom group, to the AI bot, encrypted and signed by
 * WxJava, through the connector into the real store. WeCom's callbacks carry no quote of the message
 * replied to, so "a reply to the answer" is the @-message right after it in the same group (within
 * ten minutes). The answer goes to each message's response_url; the notice, like any post that
 * answers no message, through the group robot.
 */
class WeComFeedbackTest {
    private static final String TOKEN = "QDG6eK";
    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String WEBHOOK_PATH = "/cgi-bin/webhook/send";
    private static final String RESPONSE_PATH = "/cgi-bin/aibot/response";
    private static final String GROUP = "wrkSFfCgAAabcdef";
    private static final String CORP_ID = "wx5823bf96d3bd56c7";
    private static final String QUESTION = "请问 jraft 支持跨机房吗";

    @TempDir
    Path dataDir;
    private final RecordingPlatformApi api = new RecordingPlatformApi();
    private final String now = Long.toString(TestBot.NOW.getEpochSecond());
    private int nonces;
    private TestBot bot;

    @BeforeEach
    void start() {
        bot = TestBot.withStore(Platform.WECOM, dataDir);
    }

    /** The AI bot's messages are encrypted for the empty receive id, a classic app's for its CorpID. */
    private void serve(Optional<String> corpId) throws InterruptedException {
        WeComConnector connector = new WeComConnector(new WeComConfig(corpId, Secret.of(TOKEN), Secret.of(AES_KEY),
                URI.create("https://qyapi.weixin.qq.com"), Optional.of(Secret.of(api.url(WEBHOOK_PATH + "?key=robot-key-1").toString()))),
                bot.pipeline, bot.outbound, bot.clock);
        bot.serve(connector.routes());
    }

    @AfterEach
    void stop() throws InterruptedException {
        bot.close();
        api.close();
    }

    /** WeCom's AI bot callback for an @-message in the group, encrypted for the empty receive id and signed. */
    private void deliver(String msgId, String user, String text) throws Exception {
        String message = TestBot.resource("wecom/aibot-text-message.json")
                .replace("CAIQ16HMjQYY8NGagIGAgAMgq4KM0AI=", msgId)
                .replace("\"userid\":\"lilei\"", "\"userid\":\"" + user + "\"")
                .replace("how do I build?", text)
                .replace("<opaque URL supplied by WeCom>", api.url(RESPONSE_PATH + "?response_code=" + msgId).toString());
        String encrypt = new WxCryptUtil(TOKEN, AES_KEY, "").encrypt("a1b2c3d4e5f6g7h8", message);
        String nonce = "n" + nonces++;
        HttpResponse<String> response = bot.http.send(HttpRequest.newBuilder(bot.uri(WeComConnector.PATH
                        + "?msg_signature=" + SHA1.gen(TOKEN, now, nonce, encrypt) + "&timestamp=" + now + "&nonce=" + nonce))
                .POST(HttpRequest.BodyPublishers.ofString("{\"encrypt\":\"" + encrypt + "\"}", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
    }

    /** A classic app's text message from {@code user}, as WeCom POSTs it: XML encrypted for the CorpID and signed. */
    private void deliverToApp(String msgId, String user, String text) throws Exception {
        String message = TestBot.resource("wecom/app-text-message.xml")
                .replace("1234567890123456", msgId).replace("fromUser", user).replace("this is a test", text)
                .replace("1348831860", now);
        String encrypt = new WxCryptUtil(TOKEN, AES_KEY, CORP_ID).encrypt("a1b2c3d4e5f6g7h8", message);
        String body = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><AgentID><![CDATA[1]]></AgentID>"
                + "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
        String nonce = "n" + nonces++;
        HttpResponse<String> response = bot.http.send(HttpRequest.newBuilder(bot.uri(WeComConnector.PATH
                        + "?msg_signature=" + SHA1.gen(TOKEN, now, nonce, encrypt) + "&timestamp=" + now + "&nonce=" + nonce))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
    }

    /**
     * A classic app is one-to-one: each member talks to the app alone, so another member's "不对…"
     * is no reply to the answer the asker got (every app message once had the one chat
     * {@code agent-<AgentID>}, and it flagged that answer). It goes its usual way, as a question;
     * the asker's own "不对" still flags their answer.
     */
    @Test
    void inAnAppOnlyTheAskerFlagsTheirAnswer() throws Exception {
        serve(Optional.of(CORP_ID));
        deliverToApp("a-1", "asker01", QUESTION);
        assertTrue(api.next(WEBHOOK_PATH).json().at("/markdown/content").asText().contains("跨机房不需要特殊支持"));
        TestBot.await(() -> bot.store.feedback().latest(Platform.WECOM, "agent-1/asker01", null, TestBot.NOW.minusSeconds(1)),
                Optional::isPresent);

        deliverToApp("a-2", "other02", "不对，跨机房怎么部署");

        String toOther = api.next(WEBHOOK_PATH).json().at("/markdown/content").asText();
        assertTrue(toOther.startsWith("<@other02> 跨机房不需要特殊支持"), "answered, not taken as a flag: " + toOther);

        deliverToApp("a-3", "asker01", "不对");

        Escalation flag = bot.openWhen(open -> !open.isEmpty()).get(0);
        assertTrue(flag.flagged().isPresent(), flag.toString());
        assertEquals(List.of("asker01"), flag.askers().stream().map(a -> a.user().id()).distinct().toList());
        assertEquals("agent-1/asker01", flag.askers().get(0).chat());
        assertTrue(api.next(WEBHOOK_PATH).json().at("/markdown/content").asText().contains("maintainers"), "the asker is told");
    }

    @Test
    void anAtBotWrongRightAfterTheAnswerFlagsItTheGroupIsToldOnceAndTheNegativePairTakesEffect() throws Exception {
        serve(Optional.empty());
        deliver("m-1", "asker01", QUESTION);
        assertTrue(api.next(RESPONSE_PATH).json().at("/markdown/content").asText().contains("跨机房不需要特殊支持"));
        TestBot.await(() -> bot.store.feedback().latest(Platform.WECOM, GROUP, null, TestBot.NOW.minusSeconds(1)),
                Optional::isPresent);

        deliver("m-2", "flagger02", "不对");

        Escalation flagged = bot.openWhen(open -> open.size() == 1).get(0);
        assertEquals(List.of("asker01", "flagger02"), flagged.askers().stream().map(a -> a.user().id()).toList());
        assertEquals(GROUP, flagged.askers().get(1).chat());
        // the notice answers the flagging message, through that message's response_url, like any reply
        RecordingPlatformApi.Recorded notice = api.next(RESPONSE_PATH);
        assertEquals("m-2", notice.queryParameter("response_code"));
        assertTrue(notice.json().at("/markdown/content").asText().contains("maintainers"), notice.text());

        deliver("m-3", "other03", "答非所问");
        bot.openWhen(open -> open.get(0).askers().size() == 3);
        assertEquals(2, bot.store.escalations().find(flagged.id()).orElseThrow().flagged().orElseThrow().flags());
        assertEquals(2, api.all(RESPONSE_PATH).size(), "the answer and one notice: told once");
        assertEquals(List.of(), api.all(WEBHOOK_PATH), "nothing through the group robot");

        assertTrue(bot.verdicts.decide(flagged.id(), FlaggedAnswer.Verdict.WRONG, "alice").done());
        deliver("m-4", "next04", QUESTION);
        bot.openWhen(open -> open.stream().anyMatch(e -> e.askers().stream().anyMatch(a -> a.user().id().equals("next04"))));
        assertEquals(2, api.all(RESPONSE_PATH).size(), "wrong for this question: the item answers it no more");
    }
}
