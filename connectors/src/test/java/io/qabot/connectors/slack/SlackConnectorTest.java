package io.qabot.connectors.slack;

import static io.qabot.connectors.fakes.TestBot.ANSWER;
import static io.qabot.connectors.fakes.TestBot.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.app_backend.SlackSignature.Generator;
import io.qabot.config.Secret;
import io.qabot.config.SlackConfig;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.RecordingPlatformApi.Answer;
import io.qabot.connectors.fakes.RecordingPlatformApi.Recorded;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.connectors.json.PaddedNames;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.time.HostileNumbers;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Slack connector behind a real server on loopback, called with the Events API's golden
 * payloads signed by Slack's own Java SDK, answering into a recording fake of the Web API.
 */
class SlackConnectorTest {
    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BOT_TOKEN = "xoxb-test-token";

    private final RecordingPlatformApi slack = new RecordingPlatformApi();
    private final List<Duration> pacingDelays = new CopyOnWriteArrayList<>();
    private TestBot bot;
    private SlackConnector connector;

    @BeforeEach
    void start() throws InterruptedException {
        bot = new TestBot(Platform.SLACK, "C0AUTOCHAN");
        connector = new SlackConnector(new SlackConfig(Secret.of(SIGNING_SECRET), Secret.of(BOT_TOKEN),
                slack.url().resolve("/api")), bot.pipeline, bot.outbound, bot.clock,
                delay -> {
                    pacingDelays.add(delay);
                    return CompletableFuture.completedFuture(null);
                });
        bot.serve(connector.routes());
    }

    @AfterEach
    void stop() throws InterruptedException {
        bot.close();
        slack.close();
    }

    static String golden(String name) throws IOException {
        try (InputStream in = SlackConnectorTest.class.getResourceAsStream("/slack/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A request as Slack sends it, signed by the SDK's generator. */
    private HttpRequest.Builder signed(String body, long timestamp, String secret) {
        String ts = Long.toString(timestamp);
        return HttpRequest.newBuilder(bot.uri("/hooks/slack"))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new Generator(secret).generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(5));
    }

    private HttpResponse<String> deliver(String body) throws Exception {
        return send(signed(body, NOW.getEpochSecond(), SIGNING_SECRET).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return bot.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theSdkSignsNonAsciiBodiesAsSlackDoesOnlyWithUtf8AsTheDefaultCharset() throws Exception {
        String body = golden("app_mention.json");
        SlackSignature ours = new SlackSignature(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), bot.clock);

        assertEquals(ours.sign("1531420618", body.getBytes(StandardCharsets.UTF_8)),
                new Generator(SIGNING_SECRET).generate("1531420618", body),
                "the surefire argLine must pin -Dfile.encoding=UTF-8 for the SDK to sign as Slack does");
    }

    @Test
    void matchesSlacksPublishedSignatureExample() {
        // the worked example on api.slack.com/authentication/verifying-requests-from-slack
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        SlackSignature signature = new SlackSignature(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8),
                java.time.Clock.fixed(java.time.Instant.ofEpochSecond(1531420618), java.time.ZoneOffset.UTC));

        assertNull(signature.refusal("1531420618",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersTheUrlVerificationChallengeAsPlainText() throws Exception {
        HttpResponse<String> response = deliver(golden("url_verification.json"));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", response.body());
    }

    @Test
    void answersAnAppMentionInTheAskersThreadInMrkdwnMentioningThem() throws Exception {
        HttpResponse<String> response = deliver(golden("app_mention.json"));

        assertEquals(200, response.statusCode(), response.body());
        Recorded post = slack.next();
        assertEquals("POST", post.method());
        assertEquals("/api/chat.postMessage", post.path());
        assertEquals("Bearer " + BOT_TOKEN, post.header("Authorization"));
        JsonNode json = post.json();
        assertEquals("C123ABC456", json.get("channel").asText());
        assertEquals("1515449522.000016", json.get("thread_ts").asText(), "a top-level question gets a thread");
        String text = json.get("text").asText();
        assertTrue(text.startsWith("<@U123ABC456> " + ANSWER), text);
        assertTrue(text.contains("<https://github.com/sofastack/sofa-jraft>"), "links in mrkdwn: " + text);
        assertTrue(text.contains("<https://www.sofastack.tech/blog/sofa-weekly-20191101/|SOFA Weekly"), text);
    }

    @Timeout(HostileNumbers.HANG_SECONDS)
    @ParameterizedTest
    @MethodSource("io.qabot.connectors.time.HostileNumbers#texts")
    void answersASignedEventWhoseTsIsAHugeNumberWithoutExpandingIt(String hostile) throws Exception {
        String mention = golden("app_mention.json").replace("\"ts\": \"1515449522.000016\"", "\"ts\": \"" + hostile + "\"");
        assertTrue(mention.contains(hostile.substring(0, 4)), "the golden event carries a ts to replace");

        HttpResponse<String> response = deliver(mention);

        if (hostile.length() > Fields.MAX_ID) {
            // as the message's id it would not fit the store (500 characters): refused, saying why
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("event.ts is longer than 256 characters"), response.body());
            return;
        }
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(slack.next().json().get("text").asText().startsWith("<@U123ABC456> " + ANSWER));
    }

    @Test
    void refusesACorrectlySignedRequest2To63SecondsOldOrAtTheEndsOfTheNumberRange() throws Exception {
        for (long timestamp : new long[] {NOW.getEpochSecond() + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0}) {
            HttpResponse<String> response = send(signed(golden("app_mention.json"), timestamp, SIGNING_SECRET).build());

            assertEquals(401, response.statusCode(), timestamp + ": " + response.body());
        }
        assertEquals(0, bot.matcher.calls());
    }

    @Test
    void readsTheQuestionWithoutTheBotsMention() throws Exception {
        SlackEnvelope envelope = SlackEnvelope.read(golden("app_mention.json").getBytes(StandardCharsets.UTF_8));

        SlackEnvelope.Message message = (SlackEnvelope.Message) envelope;
        assertEquals(TestBot.QUESTION, message.message().text());
        assertTrue(message.message().mentioned());
        assertEquals("Ev123ABC456", message.eventId());
    }

    @Test
    void answersARedeliveryAndTheParallelMessageEventOnce() throws Exception {
        String mention = golden("app_mention.json");
        assertEquals(200, deliver(mention).statusCode());
        slack.next();

        HttpResponse<String> retry = send(signed(mention, NOW.getEpochSecond(), SIGNING_SECRET)
                .header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout").build());
        HttpResponse<String> twin = deliver(golden("message_with_mention.json"));

        assertEquals(200, retry.statusCode());
        assertEquals(200, twin.statusCode());
        assertNull(slack.nextWithin(300), "nothing posted a second time");
        assertEquals(1, bot.matcher.calls());
    }

    @Test
    void answersAnUnaddressedQuestionInAnAutoChannelInsideItsThread() throws Exception {
        assertEquals(200, deliver(golden("message_in_thread.json")).statusCode());

        JsonNode json = slack.next().json();
        assertEquals("C0AUTOCHAN", json.get("channel").asText());
        assertEquals("1515449500.000100", json.get("thread_ts").asText(), "the thread's root, not the message");
        assertTrue(json.get("text").asText().startsWith("<@U222XYZ789> "));
    }

    @Test
    void staysQuietOnAnUnaddressedMessageInAMentionChannel() throws Exception {
        String elsewhere = golden("message_in_thread.json").replace("C0AUTOCHAN", "C0MENTIONONLY");

        assertEquals(200, deliver(elsewhere).statusCode());

        assertNull(slack.nextWithin(300));
        assertEquals(0, bot.matcher.calls());
    }

    @Test
    void acknowledgesAndIgnoresUnknownEventTypesAndBotMessages() throws Exception {
        HttpResponse<String> reaction = deliver(golden("reaction_added.json"));
        HttpResponse<String> botMessage = deliver(golden("bot_message.json"));

        assertEquals(200, reaction.statusCode());
        // a reaction is taken (a 👎 on the bot's answer is a flag), and this one names no answer of the bot's
        assertEquals("{\"ok\":true}", reaction.body());
        assertEquals(200, botMessage.statusCode());
        assertNull(slack.nextWithin(300));
        assertEquals(0, bot.matcher.calls());
    }

    @Test
    void refusesASignedBodyThatIsNotUtf8EvenWhenJacksonWouldTakeItsNameForOneItHasSeen() throws Exception {
        String challenge = golden("url_verification.json");
        assertEquals(200, deliver(challenge).statusCode());
        byte[] padded = PaddedNames.withPaddedName(challenge, "challenge");
        String ts = Long.toString(NOW.getEpochSecond());
        // the SDK's generator signs a String; these bytes are none, so they are signed as Slack signs bytes
        String signature = new SlackSignature(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), bot.clock).sign(ts, padded);

        HttpResponse<String> response = send(HttpRequest.newBuilder(bot.uri("/hooks/slack"))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(padded)).build());

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("{\"error\":\"body is not UTF-8 (byte 0xFF at offset " + (challenge.indexOf("\"challenge\"") + 9) + ")\"}",
                response.body());
    }

    @Test
    void refusesASignatureMadeWithAnotherSecretAndDoesNothingElse() throws Exception {
        HttpResponse<String> response = send(signed(golden("app_mention.json"), NOW.getEpochSecond(),
                "not-the-signing-secret").build());

        assertEquals(401, response.statusCode());
        assertEquals(0, bot.matcher.calls());
        assertNull(slack.nextWithin(300));
    }

    @Test
    void refusesAChallengeThatIsNotSigned() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(bot.uri("/hooks/slack"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(golden("url_verification.json"))).build());

        assertEquals(401, response.statusCode());
        assertFalse(response.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    @Test
    void refusesBytesChangedAfterSigning() throws Exception {
        String body = golden("app_mention.json");
        String signature = signed(body, NOW.getEpochSecond(), SIGNING_SECRET).build().headers()
                .firstValue("X-Slack-Signature").orElseThrow();
        HttpResponse<String> response = send(HttpRequest.newBuilder(bot.uri("/hooks/slack"))
                .header("X-Slack-Request-Timestamp", Long.toString(NOW.getEpochSecond()))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("U123ABC456", "U999EVIL99"))).build());

        assertEquals(401, response.statusCode());
        assertEquals(0, bot.matcher.calls());
    }

    @Test
    void refusesTimestampsOutsideTheFiveMinuteWindowEitherWay() throws Exception {
        String body = golden("app_mention.json");
        long now = NOW.getEpochSecond();

        assertEquals(401, send(signed(body, now - 301, SIGNING_SECRET).build()).statusCode());
        assertEquals(401, send(signed(body, now + 301, SIGNING_SECRET).build()).statusCode());
        assertEquals(0, bot.matcher.calls());
        assertEquals(200, send(signed(body, now - 299, SIGNING_SECRET).build()).statusCode());
        slack.next();
    }

    @Test
    void deliversAMaintainersAnswerIntoTheAskersThread() throws Exception {
        OutboundMessage later = new OutboundMessage(Platform.SLACK, "C123ABC456", "1515449522.000016",
                "1515449522.000016", new Sender("U123ABC456", null), "<@U123ABC456> use learners", OutboundMessage.Author.MAINTAINER);

        connector.sender().send(later).get(5, TimeUnit.SECONDS);

        JsonNode json = slack.next().json();
        assertEquals("1515449522.000016", json.get("thread_ts").asText());
        assertEquals("<@U123ABC456> use learners", json.get("text").asText());
    }

    @Test
    void announcesIntoTheChatWithoutReplyingToAnything() throws Exception {
        // Slack's answer names the new message by its ts, the thread_ts of replies to it
        slack.answer(request -> RecordingPlatformApi.Answer.json(200,
                "{\"ok\":true,\"channel\":\"C0MAINTAIN\",\"ts\":\"1503435956.000247\"}"));
        java.util.Optional<String> posted = connector.sender().post(OutboundMessage.post(Platform.SLACK, "C0MAINTAIN",
                null, "New question #7", OutboundMessage.Author.BOT, "announce-7-1")).get(5, TimeUnit.SECONDS);

        assertEquals(java.util.Optional.of("1503435956.000247"), posted);

        RecordingPlatformApi.Recorded post = slack.next();
        assertEquals("/api/chat.postMessage", post.path());
        JsonNode json = post.json();
        assertEquals("C0MAINTAIN", json.get("channel").asText());
        assertEquals("New question #7", json.get("text").asText());
        assertFalse(json.has("thread_ts"), json.toString());
    }

    @Test
    void postsToOneChannelAtMostOnceASecond() throws Exception {
        for (int i = 0; i < 3; i++) {
            connector.sender().send(new OutboundMessage(Platform.SLACK, "C123ABC456", null, "m" + i,
                    new Sender("U1", null), "answer " + i, OutboundMessage.Author.MAINTAINER)).get(5, TimeUnit.SECONDS);
        }
        connector.sender().send(new OutboundMessage(Platform.SLACK, "C0OTHER", null, "m9",
                new Sender("U1", null), "elsewhere", OutboundMessage.Author.MAINTAINER)).get(5, TimeUnit.SECONDS);

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pacingDelays,
                "the clock is stopped, so the second and third wait one and two seconds; the other channel none");
        assertEquals(4, slack.drain().size());
    }

    @Test
    void waitsOutA429AndPostsOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        slack.answer(request -> calls.incrementAndGet() == 1
                ? new Answer(429, "{\"ok\":false,\"error\":\"ratelimited\"}", java.util.Map.of("Retry-After", "0"))
                : Answer.json(200, "{\"ok\":true}"));

        deliver(golden("app_mention.json"));

        slack.next();
        slack.next();
        assertNull(slack.nextWithin(300));
    }

    @Test
    void failsTheSendWhenSlackSaysNotOk() {
        slack.answer(request -> Answer.json(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"));

        CompletableFuture<Void> sent = connector.sender().send(new OutboundMessage(Platform.SLACK, "C404", null, "m",
                new Sender("U1", null), "x", OutboundMessage.Author.MAINTAINER));

        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> sent.get(5, TimeUnit.SECONDS));
        assertTrue(failure.getMessage().contains("channel_not_found"), failure.getMessage());
    }

    @Test
    void anEventTheSaturatedBotCannotQueueIsRefusedWith503SoSlackDeliversItAgain() throws Exception {
        bot.executor.shutdownNow(); // refuses every task, as a full bounded queue does

        HttpResponse<String> response = deliver(golden("app_mention.json"));

        assertEquals(503, response.statusCode(), response.body());
        assertEquals(java.util.Optional.of("1"), response.headers().firstValue("Retry-After"));
        assertEquals(List.of(), slack.drain(), "nothing posted");
    }
}
