package io.qabot.connectors.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.Secret;
import io.qabot.config.WeChatConfig;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.connectors.xml.FlatXml;
import io.qabot.core.Escalation;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.Platform;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "不对" right after the Official Account's answer, signed as WeChat signs each push (WxJava), through
 * the connector into the real store. Each reader's conversation with the account is a chat of its
 * own and WeChat pushes no quote, so only the reader who got the answer can say it is wrong, as the
 * next message in that conversation; another reader's "不对" is about nothing the bot told them.
 */
class WeChatFeedbackTest {
    private static final String TOKEN = "pamtest";
    private static final String APP_ID = "wxb11529c136998cb6";
    private static final String SEND_PATH = "/cgi-bin/message/custom/send";
    private static final String READER = "oReader01";
    private static final String QUESTION = "请问 jraft 支持跨机房吗";

    @TempDir
    Path dataDir;
    private final RecordingPlatformApi api = new RecordingPlatformApi();
    private final String now = Long.toString(TestBot.NOW.getEpochSecond());
    private int pushes;
    private TestBot bot;

    @BeforeEach
    void start() throws Exception {
        api.on("/cgi-bin/token", "{\"access_token\":\"ACCESS_TOKEN_1\",\"expires_in\":7200}")
                .on(SEND_PATH, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        bot = TestBot.withStore(Platform.WECHAT, dataDir);
        WeChatConnector connector = new WeChatConnector(new WeChatConfig(APP_ID, Optional.of(Secret.of("app-secret-1")),
                Secret.of(TOKEN), Optional.empty(), api.url()), bot.pipeline, bot.outbound, bot.clock,
                // a deadline that never passes: this is about the replies, not about how fast the machine is
                // (WeChatPushTest has the late path)
                dataDir.resolve("wechat-answers.jsonl"), CompletableFuture::new);
        bot.serve(connector.routes());
    }

    @AfterEach
    void stop() throws InterruptedException {
        bot.close();
        api.close();
    }

    /** The push of {@code reader}'s text message, signed (plain mode) with a nonce of its own; the passive reply's text. */
    private String push(String reader, String text) throws Exception {
        int n = pushes++;
        String xml = TestBot.resource("wechat/text-message.xml").replace("1234567890123456", "70000" + n)
                .replace("fromUser", reader).replace("this is a test", text).replace("1348831860", now);
        String nonce = "nonce-" + n;
        HttpResponse<String> response = bot.http.send(HttpRequest.newBuilder(bot.uri(WeChatConnector.PATH
                        + "?signature=" + SHA1.gen(TOKEN, now, nonce) + "&timestamp=" + now + "&nonce=" + nonce + "&openid=" + reader))
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return response.body().startsWith("<xml>") ? FlatXml.parse(response.body().getBytes(StandardCharsets.UTF_8)).text("Content") : "";
    }

    @Test
    void aWrongRightAfterTheAnswerFlagsItTheReaderIsToldOnceAndTheNegativePairTakesEffect() throws Exception {
        assertTrue(push(READER, QUESTION).contains("跨机房不需要特殊支持"));
        TestBot.await(() -> bot.store.feedback().latest(Platform.WECHAT, READER, null, TestBot.NOW.minusSeconds(1)),
                Optional::isPresent);

        // another reader's conversation holds no answer to flag: a message like any other (the stand-in matcher escalates it)
        push("oSomeoneElse", "不对");
        String notice = push(READER, "不对");

        List<Escalation> open = bot.openWhen(all -> all.size() == 2);
        assertEquals(1, open.stream().filter(e -> e.flagged().isPresent()).count(), open.toString());
        Escalation flagged = open.stream().filter(e -> e.flagged().isPresent()).findFirst().orElseThrow();
        assertEquals(List.of(READER), flagged.askers().stream().map(a -> a.user().id()).toList(),
                "the asker is the flagger: one asker");
        assertEquals(1, flagged.flagged().orElseThrow().flags());
        // told in the passive reply to the flagging message, like any reply
        assertTrue(notice.contains("maintainers"), notice);

        String second = push(READER, "没用");
        assertFalse(second.contains("maintainers"), "told once: " + second);
        assertEquals(1, bot.store.escalations().find(flagged.id()).orElseThrow().flagged().orElseThrow().flags(),
                "one member cannot flag the same answer twice");
        assertEquals(List.of(), api.all(SEND_PATH), "nothing through the customer-service API");

        assertTrue(bot.verdicts.decide(flagged.id(), FlaggedAnswer.Verdict.WRONG, "alice").done());
        String again = push(READER, QUESTION);
        assertEquals(WeChatConnector.ACKNOWLEDGEMENT, again, "wrong for this question: escalated, not answered from the item");
    }
}
