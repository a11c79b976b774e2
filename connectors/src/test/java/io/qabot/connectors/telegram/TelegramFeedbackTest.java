package io.qabot.connectors.telegram;

import static io.qabot.connectors.telegram.FakeBotApi.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.Secret;
import io.qabot.config.TelegramConfig;
import io.qabot.connectors.fakes.RecordingPlatformApi.Recorded;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.core.Escalation;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.Platform;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's 👎 ({@code message_reaction}) or "不对" reply on the bot's Telegram answer, delivered
 * to the webhook with Telegram's secret token, through the connector into the real store.
 */
@Timeout(60)
class TelegramFeedbackTest {
    private static final String SECRET_TOKEN = "s3cret_Token-42";
    private static final String GROUP = "-1001234567890";
    /** The id the fake Bot API gives every sent message (send_message_ok.json). */
    private static final String ANSWER_ID = "1401";

    @TempDir
    Path dataDir;
    private final FakeBotApi telegram = new FakeBotApi();
    private TestBot bot;
    private TelegramConnector connector;

    @BeforeEach
    void start() throws InterruptedException {
        bot = TestBot.withStore(Platform.TELEGRAM, dataDir);
        connector = new TelegramConnector(new TelegramConfig(Secret.of(TOKEN), Optional.of(Secret.of(SECRET_TOKEN)),
                telegram.http.url(), TelegramConfig.Mode.WEBHOOK), bot.pipeline, bot.outbound, bot.clock,
                delay -> CompletableFuture.completedFuture(null), Duration.ofSeconds(1));
        bot.serve(connector.routes());
    }

    @AfterEach
    void stop() throws InterruptedException {
        connector.close();
        bot.close();
        telegram.close();
    }

    private void deliver(String body) throws Exception {
        HttpResponse<String> response = bot.http.send(HttpRequest.newBuilder(bot.uri("/hooks/telegram"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
    }

    static String reaction(long updateId, long user, String messageId, String emoji) {
        return """
                {"update_id": %d, "message_reaction": {"chat": {"id": -1001234567890, "type": "supergroup"},
                 "message_id": %s, "user": {"id": %d, "is_bot": false, "first_name": "Han", "last_name": "Meimei"},
                 "date": 1779357700, "old_reaction": [], "new_reaction": [{"type": "emoji", "emoji": "%s"}]}}
                """.formatted(updateId, messageId, user, emoji);
    }

    static String replyToBot(long updateId, long messageId, long user, String text) {
        return """
                {"update_id": %d, "message": {"message_id": %d, "date": 1779357710,
                 "from": {"id": %d, "is_bot": false, "first_name": "Wei"},
                 "chat": {"id": -1001234567890, "type": "supergroup"},
                 "reply_to_message": {"message_id": 1401, "date": 1779357605,
                   "from": {"id": 7000001, "is_bot": true, "first_name": "Demo Helper", "username": "demo_helper_bot"},
                   "chat": {"id": -1001234567890, "type": "supergroup"}, "text": "answer"},
                 "text": "%s"}}
                """.formatted(updateId, messageId, user, text);
    }

    private void answered() throws Exception {
        deliver(FakeBotApi.golden("group_mention.json"));
        telegram.next("sendMessage");
        TestBot.await(() -> bot.store.feedback().reply(Platform.TELEGRAM, GROUP, ANSWER_ID), found -> found.isPresent());
    }

    @Test
    void aThumbsDownOrAWrongReplyFlagsTheAnswerTheChatIsToldOnceAndRetiringTakesEffect() throws Exception {
        answered();

        deliver(reaction(734512100, 61111111, ANSWER_ID, "👎"));

        Escalation flagged = bot.openWhen(open -> open.size() == 1).get(0);
        assertEquals(List.of("51234567", "61111111"), flagged.askers().stream().map(a -> a.user().id()).toList());
        assertEquals("sofa-weekly-20191101.md#3", flagged.flagged().orElseThrow().itemId());
        Recorded notice = telegram.next("sendMessage");
        JsonNode json = notice.json();
        assertEquals(Long.parseLong(ANSWER_ID), json.path("reply_parameters").path("message_id").asLong(),
                "the notice replies to the flagged answer");
        assertTrue(json.path("text").asText().contains("maintainers"), json.toString());

        deliver(replyToBot(734512101, 1500, 62222222, "不对，应该看选举超时"));
        deliver(reaction(734512102, 61111111, ANSWER_ID, "👎"));
        bot.openWhen(open -> open.get(0).askers().size() == 3);
        assertNull(telegram.nextWithin("sendMessage", 300), "told once, and a flag is no question to answer");
        assertEquals(2, bot.store.escalations().find(flagged.id()).orElseThrow().flagged().orElseThrow().flags());

        assertTrue(bot.verdicts.decide(flagged.id(), FlaggedAnswer.Verdict.RETIRED, "alice").done());
        deliver(FakeBotApi.golden("group_mention.json").replace("734512001", "734512200").replace("1365", "1600"));
        assertNull(telegram.nextWithin("sendMessage", 500), "a retired item answers nothing");
    }

    @Test
    void aReactionOnSomeoneElsesMessageOrAnAnonymousOneOpensNothing() throws Exception {
        answered();

        deliver(reaction(734512100, 61111111, "1365", "👎"));
        deliver(reaction(734512101, 61111111, ANSWER_ID, "🔥"));
        deliver("""
                {"update_id": 734512102, "message_reaction": {"chat": {"id": -1001234567890, "type": "supergroup"},
                 "message_id": 1401, "actor_chat": {"id": -1001234567890, "type": "supergroup"}, "date": 1779357700,
                 "old_reaction": [], "new_reaction": [{"type": "emoji", "emoji": "👎"}]}}
                """);
        deliver(reaction(734512103, 61111111, ANSWER_ID, "👍"));

        assertNull(telegram.nextWithin("sendMessage", 500));
        assertTrue(bot.store.escalations().open().isEmpty());
    }
}
