package io.qabot.connectors.discord;

import static io.qabot.connectors.fakes.TestBot.ANSWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.DiscordConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fakes.RecordingPlatformApi.Answer;
import io.qabot.connectors.fakes.RecordingPlatformApi.Recorded;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.connectors.time.HostileNumbers;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

/** The Discord connector against a local fake Gateway (WebSocket) and a recording fake of the REST API. */
@Timeout(60)
class DiscordGatewayTest {
    static final String BOT_TOKEN = "MTIyMDAwMDAwMDAwMDAwMDAwNQ.test.token";
    private static final String CHANNEL = "1240000000000000002";
    private static final String AUTO_CHANNEL = "1240000000000000099";

    private final RecordingPlatformApi rest = new RecordingPlatformApi();
    private final List<Duration> pacingDelays = new CopyOnWriteArrayList<>();
    private FakeGateway gateway;
    private TestBot bot;
    private DiscordConnector connector;

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway();
        bot = new TestBot(Platform.DISCORD, AUTO_CHANNEL);
        connector = new DiscordConnector(new DiscordConfig(Optional.empty(), Secret.of(BOT_TOKEN),
                rest.url().resolve("/api/v10"), gateway.url()), bot.pipeline, bot.outbound, bot.clock,
                Duration.ofMillis(20), delay -> {
                    pacingDelays.add(delay);
                    return CompletableFuture.completedFuture(null);
                });
        connector.start();
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        gateway.close();
        bot.close();
        rest.close();
    }

    static String golden(String name) throws IOException {
        try (InputStream in = DiscordGatewayTest.class.getResourceAsStream("/discord/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Hello, Identify, READY: the session the other tests start from. */
    private JsonNode ready() throws Exception {
        gateway.nextConnection();
        gateway.hello(45_000);
        JsonNode identify = gateway.next(2);
        gateway.dispatch("READY", 1, golden("ready.json").replace("RESUME_URL", gateway.url() + "/resume"));
        return identify;
    }

    @Test
    void identifiesWithTheMessageContentIntentAndHeartbeatsWithTheLastSequence() throws Exception {
        String uri = gateway.nextConnection();
        assertTrue(uri.contains("v=10") && uri.contains("encoding=json"), uri);
        gateway.hello(200);

        JsonNode identify = gateway.next(2).get("d");
        assertEquals(BOT_TOKEN, identify.get("token").asText());
        int intents = identify.get("intents").asInt();
        assertEquals(1 << 15, intents & (1 << 15), "MESSAGE_CONTENT");
        assertEquals(1 << 9, intents & (1 << 9), "GUILD_MESSAGES");

        gateway.dispatch("READY", 7, golden("ready.json").replace("RESUME_URL", gateway.url().toString()));
        JsonNode beat = gateway.next(1);
        while (beat.get("d").isNull()) {
            beat = gateway.next(1);
        }
        assertEquals(7, beat.get("d").asLong());
    }

    @Test
    void answersAMentionWithAReferenceToTheAskersMessage() throws Exception {
        ready();

        gateway.dispatch("MESSAGE_CREATE", 2, golden("message_create_mention.json"));

        Recorded post = rest.next();
        assertEquals("POST", post.method());
        assertEquals("/api/v10/channels/" + CHANNEL + "/messages", post.path());
        assertEquals("Bot " + BOT_TOKEN, post.header("Authorization"));
        JsonNode json = post.json();
        assertEquals("1250000000000000001", json.get("message_reference").get("message_id").asText());
        assertTrue(json.get("content").asText().startsWith("<@1110000000000000004> " + ANSWER), json.get("content").asText());
        assertEquals("1110000000000000004", json.get("allowed_mentions").get("users").get(0).asText());
        assertEquals(0, json.get("allowed_mentions").get("parse").size(), "no @everyone from the knowledge");
    }

    @Test
    void staysQuietUnlessMentionedOrTheChannelIsAuto() throws Exception {
        ready();

        gateway.dispatch("MESSAGE_CREATE", 2, golden("message_create_unaddressed.json"));
        assertNull(rest.nextWithin(300));
        assertEquals(0, bot.matcher.calls());

        gateway.dispatch("MESSAGE_CREATE", 3, golden("message_create_unaddressed.json").replace(CHANNEL, AUTO_CHANNEL));
        Recorded post = rest.next();
        assertEquals("/api/v10/channels/" + AUTO_CHANNEL + "/messages", post.path());
        assertTrue(post.json().get("content").asText().startsWith("<@1110000000000000014> "));
    }

    @Test
    void ignoresBotsIncludingItsOwnReplies() throws Exception {
        ready();

        gateway.dispatch("MESSAGE_CREATE", 2, golden("message_create_bot.json"));

        assertNull(rest.nextWithin(300));
        assertEquals(0, bot.matcher.calls());
    }

    @Test
    void answersAMessageReplayedOnResumeOnce() throws Exception {
        ready();
        gateway.dispatch("MESSAGE_CREATE", 2, golden("message_create_mention.json"));
        rest.next();

        gateway.dispatch("MESSAGE_CREATE", 3, golden("message_create_mention.json"));

        assertNull(rest.nextWithin(300));
    }

    @Test
    void resumesTheSessionAtTheResumeUrlAfterADrop() throws Exception {
        ready();
        gateway.dispatch("MESSAGE_CREATE", 5, golden("message_create_unaddressed.json"));

        gateway.drop();

        assertTrue(gateway.nextConnection().startsWith("/resume"), "READY's resume_gateway_url");
        gateway.hello(45_000);
        JsonNode resume = gateway.next(6).get("d");
        assertEquals(BOT_TOKEN, resume.get("token").asText());
        assertEquals("d2f7b0f4b0e64e8c9a6c7f2d1e0b3a95", resume.get("session_id").asText());
        assertEquals(5, resume.get("seq").asLong());
    }

    @Test
    void reconnectsAndResumesWhenTheGatewayAsksTo() throws Exception {
        ready();

        gateway.send("{\"op\":7,\"d\":null}");

        gateway.nextConnection();
        gateway.hello(45_000);
        assertEquals("d2f7b0f4b0e64e8c9a6c7f2d1e0b3a95", gateway.next(6).get("d").get("session_id").asText());
    }

    @Test
    void identifiesAfreshAfterAnInvalidSessionThatCannotBeResumed() throws Exception {
        ready();

        gateway.send("{\"op\":9,\"d\":false}");

        assertTrue(gateway.nextConnection().startsWith("/?"), "the configured gateway, not the resume URL");
        gateway.hello(45_000);
        assertEquals(BOT_TOKEN, gateway.next(2).get("d").get("token").asText());
    }

    @Test
    void stopsReconnectingWhenTheTokenIsRefused() throws Exception {
        gateway.nextConnection();
        gateway.hello(45_000);
        gateway.next(2);

        gateway.closeWith(4004);

        assertNull(gateway.nextConnectionWithin(500), "connected again after 4004");
    }

    @Test
    void announcesIntoTheChatWithoutReplyingToAnything() throws Exception {
        connector.sender().send(OutboundMessage.post(Platform.DISCORD, CHANNEL, null, "New question #7",
                OutboundMessage.Author.BOT, "announce-7-1")).get(5, TimeUnit.SECONDS);

        Recorded post = rest.next();
        assertEquals("/api/v10/channels/" + CHANNEL + "/messages", post.path());
        JsonNode json = post.json();
        assertEquals("New question #7", json.get("content").asText());
        assertFalse(json.has("message_reference"), json.toString());
        assertFalse(json.get("allowed_mentions").has("users"), "pings no one: " + json);
        assertEquals(0, json.get("allowed_mentions").get("parse").size());
    }

    @Test
    void postsWithoutAReferenceWhenTheReplyTargetIsNoDiscordMessageId() throws Exception {
        connector.sender().send(new OutboundMessage(Platform.DISCORD, CHANNEL, null, "announce-7-1",
                new Sender("1110000000000000004", "LL"), "@LL use learners", OutboundMessage.Author.MAINTAINER))
                .get(5, TimeUnit.SECONDS);

        JsonNode json = rest.next().json();
        assertFalse(json.has("message_reference"), json.toString());
        assertEquals("<@1110000000000000004> use learners", json.get("content").asText());
    }

    @Test
    void waitsForTheChannelsBucketWhenDiscordSaysItIsEmpty() throws Exception {
        rest.answer(request -> new Answer(200, "{\"id\":\"1\"}",
                Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "2.5")));
        OutboundMessage later = new OutboundMessage(Platform.DISCORD, CHANNEL, null, "1250000000000000001",
                new Sender("1110000000000000004", "LL"), "@LL use learners", OutboundMessage.Author.MAINTAINER);

        connector.sender().send(later).get(5, TimeUnit.SECONDS);
        connector.sender().send(later).get(5, TimeUnit.SECONDS);

        assertEquals(List.of(Duration.ofMillis(2500)), pacingDelays);
        assertEquals("<@1110000000000000004> use learners", rest.next().json().get("content").asText());
    }

    @Timeout(HostileNumbers.HANG_SECONDS)
    @ParameterizedTest
    @MethodSource("io.qabot.connectors.time.HostileNumbers#texts")
    void ignoresAResetAfterItCannotReadAsAPlainNumberOfSeconds(String hostile) throws Exception {
        rest.answer(request -> new Answer(200, "{\"id\":\"1\"}",
                Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", hostile)));
        OutboundMessage later = new OutboundMessage(Platform.DISCORD, CHANNEL, null, "1250000000000000001",
                new Sender("1110000000000000004", "LL"), "@LL use learners", OutboundMessage.Author.MAINTAINER);

        connector.sender().send(later).get(5, TimeUnit.SECONDS);
        connector.sender().send(later).get(5, TimeUnit.SECONDS);

        assertEquals(List.of(), pacingDelays, "no wait read from a header that is no number of seconds");
    }
}
