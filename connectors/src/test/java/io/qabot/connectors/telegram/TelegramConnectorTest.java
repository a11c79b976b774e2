package io.qabot.connectors.telegram;

import static io.qabot.connectors.fakes.TestBot.ANSWER;
import static io.qabot.connectors.telegram.FakeBotApi.TOKEN;
import static io.qabot.connectors.telegram.FakeBotApi.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.Secret;
import io.qabot.config.TelegramConfig;
import io.qabot.connectors.fakes.RecordingPlatformApi.Recorded;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.connectors.json.PaddedNames;
import io.qabot.connectors.time.HostileNumbers;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Telegram connector against a local fake Bot API, fed golden updates by webhook and by long polling. */
@Timeout(30)
class TelegramConnectorTest {
    private static final String SECRET_TOKEN = "s3cret_Token-42";
    private static final String GROUP = "-1001234567890";
    private static final String AUTO_GROUP = "-1005555555555";

    private final FakeBotApi telegram = new FakeBotApi();
    private final List<Duration> pacingDelays = new CopyOnWriteArrayList<>();
    private TestBot bot;
    private TelegramConnector connector;

    @BeforeEach
    void start() {
        bot = new TestBot(Platform.TELEGRAM, AUTO_GROUP);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (connector != null) {
            connector.close();
        }
        bot.close();
        telegram.close();
    }

    private void webhookMode() throws InterruptedException {
        connector = connector(TelegramConfig.Mode.WEBHOOK);
        bot.serve(connector.routes());
    }

    private TelegramConnector connector(TelegramConfig.Mode mode) {
        return new TelegramConnector(new TelegramConfig(Secret.of(TOKEN), Optional.of(Secret.of(SECRET_TOKEN)),
                telegram.http.url(), mode), bot.pipeline, bot.outbound, bot.clock,
                delay -> {
                    pacingDelays.add(delay);
                    return CompletableFuture.completedFuture(null);
                }, Duration.ofSeconds(1));
    }

    private HttpResponse<String> deliver(String body, String secretToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(bot.uri("/hooks/telegram"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(5));
        if (secretToken != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secretToken);
        }
        return bot.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> deliver(String body) throws Exception {
        return deliver(body, SECRET_TOKEN);
    }

    @Test
    void answersAGroupMentionAsAnHtmlReplyToTheAskersMessage() throws Exception {
        webhookMode();

        assertEquals(200, deliver(golden("group_mention.json")).statusCode());

        Recorded send = telegram.next("sendMessage");
        assertEquals("/bot" + TOKEN + "/sendMessage", send.path());
        JsonNode json = send.json();
        assertEquals(Long.parseLong(GROUP), json.get("chat_id").asLong());
        assertEquals("HTML", json.get("parse_mode").asText());
        assertEquals(1365, json.get("reply_parameters").get("message_id").asLong());
        assertTrue(json.get("reply_parameters").get("allow_sending_without_reply").asBoolean());
        assertFalse(json.has("message_thread_id"), "a plain group has no topics");
        String text = json.get("text").asText();
        assertTrue(text.startsWith("<a href=\"tg://user?id=51234567\">Li Lei</a> " + ANSWER) || text.startsWith(
                "<a href=\"tg://user?id=51234567\">Lei Li</a> " + ANSWER), text);
        assertTrue(text.contains("<a href=\"https://github.com/sofastack/sofa-jraft\">"), text);
    }

    @Test
    void findsTheMentionByUtf16OffsetsAfterAnEmojiAndEscapesTheAskersName() throws Exception {
        webhookMode();

        deliver(golden("mention_after_emoji.json"));

        String text = telegram.next("sendMessage").json().get("text").asText();
        assertTrue(text.startsWith("<a href=\"tg://user?id=51234568\">Ann &amp; &lt;Bob&gt;</a> "), text);
    }

    @Test
    void readsTheQuestionWithoutTheBotsMentionOrCommand() {
        BotIdentity me = new BotIdentity(7000001, "demo_helper_bot");
        TelegramUpdate emoji = TelegramUpdate.read(json(golden("mention_after_emoji.json")), me);
        TelegramUpdate command = TelegramUpdate.read(json(golden("topic_command.json")), me);

        assertEquals("🙏 跨机房 能部署吗", ((TelegramUpdate.Message) emoji).message().text());
        assertEquals("跨机房 部署要注意什么", ((TelegramUpdate.Message) command).message().text());
    }

    @Timeout(HostileNumbers.HANG_SECONDS)
    @ParameterizedTest
    @MethodSource("io.qabot.connectors.time.HostileNumbers#texts")
    void answersAMessageWhoseDateIsAHugeNumberWrittenAsText(String hostile) throws Exception {
        webhookMode();
        String update = golden("group_mention.json").replace("\"date\":1779357600", "\"date\":\"" + hostile + "\"");
        assertTrue(update.contains(hostile), "the golden update carries a date to replace");

        assertEquals(200, deliver(update).statusCode());

        assertTrue(telegram.next("sendMessage").json().get("text").asText().contains(ANSWER));
    }

    @Timeout(HostileNumbers.HANG_SECONDS)
    @ParameterizedTest
    @MethodSource("io.qabot.connectors.time.HostileNumbers#texts")
    void answersAMessageWhoseDateIsAHugeJsonNumberOrRefusesItWithAReason(String hostile) throws Exception {
        webhookMode();
        String update = golden("group_mention.json").replace("\"date\":1779357600", "\"date\":" + hostile);

        HttpResponse<String> response = deliver(update);

        if (hostile.length() > 1000) { // longer than Jackson reads a number: not JSON
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"error\""), response.body());
        } else {
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(telegram.next("sendMessage").json().get("text").asText().contains(ANSWER));
        }
    }

    @Test
    void treatsAReplyToTheBotAsAddressingIt() throws Exception {
        webhookMode();

        deliver(golden("reply_to_bot.json"));

        assertEquals(1400, telegram.next("sendMessage").json().get("reply_parameters").get("message_id").asLong());
    }

    @Test
    void answersACommandInsideItsForumTopic() throws Exception {
        webhookMode();

        deliver(golden("topic_command.json"));

        JsonNode json = telegram.next("sendMessage").json();
        assertEquals(1990, json.get("message_thread_id").asLong());
        assertEquals(2001, json.get("reply_parameters").get("message_id").asLong());
    }

    @Test
    void staysQuietOnAnUnaddressedMessageUnlessTheGroupIsAuto() throws Exception {
        webhookMode();

        assertEquals(200, deliver(golden("unaddressed.json")).statusCode());
        assertNull(telegram.nextWithin("sendMessage", 300));
        assertEquals(0, bot.matcher.calls());

        deliver(golden("unaddressed.json").replace(GROUP, AUTO_GROUP));
        assertEquals(Long.parseLong(AUTO_GROUP), telegram.next("sendMessage").json().get("chat_id").asLong());
    }

    @Test
    void refusesAWrongOrMissingSecretTokenAndDoesNothingElse() throws Exception {
        webhookMode();

        assertEquals(401, deliver(golden("group_mention.json"), "not-the-token").statusCode());
        assertEquals(401, deliver(golden("group_mention.json"), null).statusCode());

        assertNull(telegram.nextWithin("getMe", 300), "not even getMe");
        assertEquals(0, bot.matcher.calls());
    }

    @Test
    void refusesABodyThatIsNotUtf8EvenWhenJacksonWouldTakeItsNameForOneItHasSeen() throws Exception {
        webhookMode();
        assertEquals(200, deliver("{\"update_id\":734512998,\"my_chat_member\":{\"chat\":{\"id\":1}}}").statusCode());
        byte[] padded = PaddedNames.withPaddedName(golden("group_mention.json"), "update_id");

        HttpResponse<String> response = bot.http.send(HttpRequest.newBuilder(bot.uri("/hooks/telegram"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(padded)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(json(response.body()).get("error").asText().startsWith("body is not UTF-8 (byte 0xFF at offset "),
                response.body());
        assertNull(telegram.nextWithin("sendMessage", 300));
        assertEquals(0, bot.matcher.calls());
    }

    @Test
    void answersARedeliveredUpdateOnce() throws Exception {
        webhookMode();

        deliver(golden("group_mention.json"));
        telegram.next("sendMessage");
        assertEquals(200, deliver(golden("group_mention.json")).statusCode());

        assertNull(telegram.nextWithin("sendMessage", 300));
        assertEquals(1, bot.matcher.calls());
    }

    @Test
    void acknowledgesAndIgnoresEditsAndUnknownUpdateKinds() throws Exception {
        webhookMode();

        assertEquals(200, deliver(golden("edited_message.json")).statusCode());
        assertEquals(200, deliver("{\"update_id\":734512999,\"my_chat_member\":{\"chat\":{\"id\":1}}}").statusCode());
        assertEquals(400, deliver("{\"not\":\"an update\"}").statusCode());

        assertNull(telegram.nextWithin("sendMessage", 300));
        assertEquals(0, bot.matcher.calls());
    }

    @Test
    void waitsTheRetryAfterTelegramAsksForAndSendsOnce() throws Exception {
        webhookMode();
        telegram.throttleNextSends(2);   // the shared client's two attempts both get 429

        deliver(golden("group_mention.json"));

        telegram.next("sendMessage");
        telegram.next("sendMessage");
        assertEquals(1365, telegram.next("sendMessage").json().get("reply_parameters").get("message_id").asLong());
        assertTrue(pacingDelays.contains(Duration.ofSeconds(7)), "held for retry_after: " + pacingDelays);
        assertNull(telegram.nextWithin("sendMessage", 300));
    }

    @Test
    void deliversAMaintainersAnswerAsAReplyToTheQuestion() throws Exception {
        webhookMode();

        connector.sender().send(new OutboundMessage(Platform.TELEGRAM, GROUP, null, "1365",
                new Sender("51234567", "Lei Li"), "<a href=\"tg://user?id=51234567\">Lei Li</a> use learners",
                OutboundMessage.Author.MAINTAINER)).get(5, TimeUnit.SECONDS);

        JsonNode json = telegram.next("sendMessage").json();
        assertEquals(1365, json.get("reply_parameters").get("message_id").asLong());
        assertEquals("HTML", json.get("parse_mode").asText());
    }

    @Test
    void announcesIntoTheChatWithoutReplyingToAnything() throws Exception {
        webhookMode();

        connector.sender().send(OutboundMessage.post(Platform.TELEGRAM, GROUP, null, "New question #7",
                OutboundMessage.Author.BOT, "announce-7-1")).get(5, TimeUnit.SECONDS);

        JsonNode json = telegram.next("sendMessage").json();
        assertEquals(Long.parseLong(GROUP), json.get("chat_id").asLong());
        assertEquals("New question #7", json.get("text").asText());
        assertFalse(json.has("reply_parameters"), json.toString());
    }

    @Test
    void postsPlainlyWhenTheReplyTargetIsNoTelegramMessageId() throws Exception {
        webhookMode();

        connector.sender().send(new OutboundMessage(Platform.TELEGRAM, GROUP, null, "announce-7-1",
                new Sender("51234567", "Lei Li"), "use learners", OutboundMessage.Author.MAINTAINER)).get(5, TimeUnit.SECONDS);

        assertFalse(telegram.next("sendMessage").json().has("reply_parameters"));
    }

    @Test
    void offersNoWebhookRouteWhenPolling() {
        assertTrue(connector(TelegramConfig.Mode.POLLING).routes().isEmpty());
    }

    @Test
    void pollsForUpdatesConfirmsThemWithTheNextOffsetAndAnswers() throws Exception {
        connector = connector(TelegramConfig.Mode.POLLING);
        telegram.queueUpdates("group_mention.json", "edited_message.json");

        connector.start();

        JsonNode firstPoll = telegram.next("getUpdates").json();
        assertEquals(0, firstPoll.get("offset").asLong());
        assertEquals(1, firstPoll.get("timeout").asLong());
        JsonNode secondPoll = telegram.next("getUpdates").json();
        assertEquals(734512007, secondPoll.get("offset").asLong(), "one past the last update seen");
        assertEquals(1365, telegram.next("sendMessage").json().get("reply_parameters").get("message_id").asLong());
    }

    private static JsonNode json(String text) {
        try {
            return TelegramBotApi.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
