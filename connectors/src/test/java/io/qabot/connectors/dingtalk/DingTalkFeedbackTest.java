package io.qabot.connectors.dingtalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.DingTalkConfig;
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
 * "@bot 不对" right after the bot's DingTalk answer, in the same group, signed by DingTalk's own SDK,
 * through the connector into the real store. A DingTalk robot sees only messages that @ it and gets
 * no quote of the message replied to, so "a reply to the answer" is the @-message right after it in
 * the same group (within ten minutes); a quote cannot be expressed.
 */
class DingTalkFeedbackTest {
    private static final String APP_SECRET = "gC0dn7x_L3hYxMRy-Ab0zTVrKuHnQ9c4Yq8WBs2gEtHpS5aN1dR6fJ3mkZuXvLo";
    private static final String SESSION_PATH = "/robot/sendBySession";
    private static final String GROUP = "cidAbCdEf0123456789=";
    private static final String QUESTION = " 请问 jraft 支持跨机房吗";

    @TempDir
    Path dataDir;
    private final RecordingPlatformApi api = new RecordingPlatformApi();
    private final long now = TestBot.NOW.toEpochMilli();
    private long posts;
    private TestBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = TestBot.withStore(Platform.DINGTALK, dataDir);
        DingTalkConnector connector = new DingTalkConnector(new DingTalkConfig("dingappkey", Secret.of(APP_SECRET),
                "dingrobotcode", api.url(), DingTalkConfig.Mode.CALLBACK, Optional.empty(), Optional.empty()),
                bot.pipeline, bot.outbound, bot.clock);
        bot.serve(connector.routes());
    }

    @AfterEach
    void stop() throws InterruptedException {
        bot.close();
        api.close();
    }

    /** The documented group @-message from {@code staffId}, its session webhook on the fake for 90 minutes. */
    private String message(String msgId, String staffId, String text) {
        return TestBot.resource("dingtalk/group-at-message.json")
                .replace("msgKx3Yq9h2J0rZ==", msgId)
                .replace("\"senderStaffId\":\"0123456789\"", "\"senderStaffId\":\"" + staffId + "\"")
                .replace(" how do I build the docs?", text)
                .replace("1717000000123", Long.toString(now))
                .replace("1717005400123", Long.toString(now + 5_400_000))
                .replace("https://oapi.dingtalk.com", api.url().toString());
    }

    /** Signed as DingTalk signs each callback (its SDK), with a timestamp of its own. */
    private void deliver(String body) throws Exception {
        String timestamp = Long.toString(now - posts++);
        HttpResponse<String> response = bot.http.send(HttpRequest.newBuilder(bot.uri(DingTalkConnector.PATH))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("timestamp", timestamp)
                .header("sign", DingTalkCallbackTest.sdkSign(timestamp, APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void anAtBotWrongRightAfterTheAnswerFlagsItTheGroupIsToldOnceAndTheNegativePairTakesEffect() throws Exception {
        deliver(message("msg-1", "asker01", QUESTION));
        assertTrue(api.next(SESSION_PATH).json().at("/markdown/text").asText().contains("跨机房不需要特殊支持"));
        TestBot.await(() -> bot.store.feedback().latest(Platform.DINGTALK, GROUP, null, TestBot.NOW.minusSeconds(1)),
                Optional::isPresent);

        deliver(message("msg-2", "flagger02", " 不对"));

        Escalation flagged = bot.openWhen(open -> open.size() == 1).get(0);
        assertEquals(List.of("asker01", "flagger02"), flagged.askers().stream().map(a -> a.user().id()).toList());
        assertEquals(GROUP, flagged.askers().get(1).chat());
        RecordingPlatformApi.Recorded notice = api.next(SESSION_PATH);
        assertTrue(notice.json().at("/markdown/text").asText().contains("maintainers"), notice.text());
        assertEquals("flagger02", notice.json().at("/at/atUserIds/0").asText(), "addressed to the member who flagged");

        deliver(message("msg-3", "other03", " wrong!"));
        bot.openWhen(open -> open.get(0).askers().size() == 3);
        assertEquals(2, bot.store.escalations().find(flagged.id()).orElseThrow().flagged().orElseThrow().flags());
        assertEquals(2, api.all(SESSION_PATH).size(), "the answer and one notice: told once");

        assertTrue(bot.verdicts.decide(flagged.id(), FlaggedAnswer.Verdict.WRONG, "alice").done());
        deliver(message("msg-4", "next04", QUESTION));
        bot.openWhen(open -> open.stream().anyMatch(e -> e.askers().stream().anyMatch(a -> a.user().id().equals("next04"))));
        assertEquals(2, api.all(SESSION_PATH).size(), "wrong for this question: the item answers it no more");
    }
}
