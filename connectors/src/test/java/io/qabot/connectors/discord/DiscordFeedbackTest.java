package io.qabot.connectors.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.DiscordConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fakes.RecordingPlatformApi.Answer;
import io.qabot.connectors.fakes.RecordingPlatformApi.Recorded;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.core.Escalation;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.Platform;
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
 * A member's 👎 ({@code MESSAGE_REACTION_ADD}) or "wrong" reply on the bot's Discord answer, through a
 * local Gateway and the connector into the real store.
 */
@Timeout(60)
class DiscordFeedbackTest {
    private static final String CHANNEL = "1240000000000000002";
    private static final String BOT = "1220000000000000005";
    private static final String ANSWER_ID = "1250000000000000099";

    @TempDir
    Path dataDir;
    private final RecordingPlatformApi rest = new RecordingPlatformApi();
    private FakeGateway gateway;
    private TestBot bot;
    private DiscordConnector connector;

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway();
        bot = TestBot.withStore(Platform.DISCORD, dataDir);
        // Discord answers a created message with it, id included: what a reaction names
        rest.answer(request -> Answer.json(200, "{\"id\":\"" + ANSWER_ID + "\",\"channel_id\":\"" + CHANNEL + "\"}"));
        connector = new DiscordConnector(new DiscordConfig(Optional.empty(), Secret.of(DiscordGatewayTest.BOT_TOKEN),
                rest.url().resolve("/api/v10"), gateway.url()), bot.pipeline, bot.outbound, bot.clock,
                Duration.ofMillis(20), delay -> CompletableFuture.completedFuture(null));
        connector.start();
        gateway.nextConnection();
        gateway.hello(45_000);
        gateway.next(2);
        gateway.dispatch("READY", 1, DiscordGatewayTest.golden("ready.json").replace("RESUME_URL", gateway.url() + "/resume"));
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        gateway.close();
        bot.close();
        rest.close();
    }

    static String reaction(String user, String messageId, String author, String emoji) {
        return """
                {"user_id": "%s", "channel_id": "%s", "message_id": "%s", "guild_id": "1230000000000000003",
                 "message_author_id": "%s", "emoji": {"id": null, "name": "%s"},
                 "member": {"nick": "Flagger", "user": {"id": "%s", "username": "flagger", "bot": false}}}
                """.formatted(user, CHANNEL, messageId, author, emoji, user);
    }

    private void answered() throws Exception {
        gateway.dispatch("MESSAGE_CREATE", 2, DiscordGatewayTest.golden("message_create_mention.json"));
        rest.next();
        TestBot.await(() -> bot.store.feedback().reply(Platform.DISCORD, CHANNEL, ANSWER_ID), found -> found.isPresent());
    }

    @Test
    void aThumbsDownOrAWrongReplyFlagsTheAnswerTheChannelIsToldOnceAndTheVerdictHolds() throws Exception {
        answered();

        gateway.dispatch("MESSAGE_REACTION_ADD", 3, reaction("1110000000000000044", ANSWER_ID, BOT, "👎"));

        Escalation flagged = bot.openWhen(open -> open.size() == 1).get(0);
        assertEquals(List.of("1110000000000000004", "1110000000000000044"),
                flagged.askers().stream().map(a -> a.user().id()).toList());
        Recorded notice = rest.next();
        JsonNode json = notice.json();
        assertEquals(ANSWER_ID, json.path("message_reference").path("message_id").asText(), "replies to the flagged answer");
        assertTrue(json.path("content").asText().startsWith("<@1110000000000000044>"), json.toString());
        assertTrue(json.path("content").asText().contains("maintainers"), json.toString());

        gateway.dispatch("MESSAGE_CREATE", 4, """
                {"id": "1250000000000000100", "channel_id": "%s", "guild_id": "1230000000000000003",
                 "author": {"id": "1110000000000000055", "username": "mei", "bot": false}, "member": {"nick": null},
                 "content": "wrong", "timestamp": "2026-11-21T10:01:00.000000+00:00", "mentions": [],
                 "message_reference": {"message_id": "%s", "channel_id": "%s"}}
                """.formatted(CHANNEL, ANSWER_ID, CHANNEL));
        gateway.dispatch("MESSAGE_REACTION_ADD", 5, reaction("1110000000000000044", ANSWER_ID, BOT, "👎"));
        bot.openWhen(open -> open.get(0).askers().size() == 3);
        assertNull(rest.nextWithin(300), "told once");

        assertTrue(bot.verdicts.decide(flagged.id(), FlaggedAnswer.Verdict.WRONG, "alice").done());
        gateway.dispatch("MESSAGE_CREATE", 6, DiscordGatewayTest.golden("message_create_mention.json")
                .replace("1250000000000000001", "1250000000000000201"));
        assertNull(rest.nextWithin(500), "not answered from the item ruled wrong for the question");
    }

    @Test
    void aReactionOnSomeoneElsesMessageTheBotsOwnOrAnotherEmojiOpensNothing() throws Exception {
        answered();

        gateway.dispatch("MESSAGE_REACTION_ADD", 3, reaction("1110000000000000044", "1250000000000000001",
                "1110000000000000004", "👎"));
        gateway.dispatch("MESSAGE_REACTION_ADD", 4, reaction(BOT, ANSWER_ID, BOT, "👎"));
        gateway.dispatch("MESSAGE_REACTION_ADD", 5, reaction("1110000000000000044", ANSWER_ID, BOT, "🎉"));
        gateway.dispatch("MESSAGE_REACTION_ADD", 6, reaction("1110000000000000044", ANSWER_ID, BOT, "👍"));

        assertNull(rest.nextWithin(500));
        assertTrue(bot.store.escalations().open().isEmpty());
    }
}
