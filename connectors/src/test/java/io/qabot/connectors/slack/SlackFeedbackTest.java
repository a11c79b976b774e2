package io.qabot.connectors.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.app_backend.SlackSignature.Generator;
import io.qabot.config.Secret;
import io.qabot.config.SlackConfig;
import io.qabot.connectors.fakes.RecordingPlatformApi.Answer;
import io.qabot.connectors.fakes.RecordingPlatformApi.Recorded;
import io.qabot.connectors.fakes.RecordingPlatformApi;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's 👎 on the bot's Slack answer, as a {@code reaction_added} event signed by Slack's own
 * SDK, through the connector into the real store: the escalation with the flagged answer, one
 * notice in the thread, and the maintainers' verdict keeping the item from the question.
 */
class SlackFeedbackTest {
    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BOT = "U0LAN0Z89";
    private static final String QUESTION_TS = "1515449522.000016";

    @TempDir
    Path dataDir;
    private final RecordingPlatformApi slack = new RecordingPlatformApi();
    private final AtomicInteger posts = new AtomicInteger();
    private TestBot bot;

    @BeforeEach
    void start() throws InterruptedException {
        bot = TestBot.withStore(Platform.SLACK, dataDir);
        SlackConnector connector = new SlackConnector(new SlackConfig(Secret.of(SIGNING_SECRET), Secret.of("xoxb-test"),
                slack.url().resolve("/api")), bot.pipeline, bot.outbound, bot.clock,
                delay -> CompletableFuture.completedFuture(null));
        // Slack answers each post with its ts, the id a reaction names
        slack.answer(request -> Answer.json(200, "{\"ok\":true,\"ts\":\"1515449530.00010" + posts.incrementAndGet() + "\"}"));
        bot.serve(connector.routes());
    }

    @AfterEach
    void stop() throws InterruptedException {
        bot.close();
        slack.close();
    }

    private HttpResponse<String> deliver(String body) throws Exception {
        String ts = Long.toString(TestBot.NOW.getEpochSecond());
        return bot.http.send(HttpRequest.newBuilder(bot.uri("/hooks/slack"))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new Generator(SIGNING_SECRET).generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String mention(String eventId, String channel, String user, String ts, String text) {
        return """
                {"type": "event_callback", "event_id": "%s", "team_id": "T1",
                 "authorizations": [{"user_id": "%s", "is_bot": true}],
                 "event": {"type": "app_mention", "user": "%s", "text": "<@%s> %s", "ts": "%s", "channel": "%s"}}
                """.formatted(eventId, BOT, user, BOT, text, ts, channel);
    }

    static String reaction(String eventId, String user, String reaction, String itemUser, String ts) {
        return """
                {"type": "event_callback", "event_id": "%s", "team_id": "T1",
                 "authorizations": [{"user_id": "%s", "is_bot": true}],
                 "event": {"type": "reaction_added", "user": "%s", "reaction": "%s", "item_user": "%s",
                           "item": {"type": "message", "channel": "C1", "ts": "%s"}, "event_ts": "1515449600.000100"}}
                """.formatted(eventId, BOT, user, reaction, itemUser, ts);
    }

    /** Asks in C1 and returns the ts Slack gave the bot's answer, once the bot has recorded it. */
    private String answered() throws Exception {
        assertEquals(200, deliver(mention("Ev1", "C1", "UASK", QUESTION_TS, "请问 jraft 支持跨机房吗")).statusCode());
        Recorded answer = slack.next();
        assertEquals(QUESTION_TS, answer.json().path("thread_ts").asText());
        String ts = "1515449530.000101";
        TestBot.await(() -> bot.store.feedback().reply(Platform.SLACK, "C1", ts), found -> found.isPresent());
        return ts;
    }

    @Test
    void aThumbsDownOnTheAnswerFlagsItTellsTheThreadOnceAndTheVerdictTakesEffect() throws Exception {
        String answerTs = answered();

        assertEquals(200, deliver(reaction("Ev2", "UFLAG", "-1", BOT, answerTs)).statusCode());

        Escalation flagged = bot.openWhen(open -> open.size() == 1).get(0);
        assertEquals(List.of("UASK", "UFLAG"), flagged.askers().stream().map(a -> a.user().id()).toList());
        FlaggedAnswer answer = flagged.flagged().orElseThrow();
        assertEquals("sofa-weekly-20191101.md#3", answer.itemId());
        assertEquals(0.91, answer.confidence(), 1e-9);
        Recorded notice = slack.next();
        JsonNode json = notice.json();
        assertEquals("C1", json.path("channel").asText());
        assertEquals(QUESTION_TS, json.path("thread_ts").asText(), "in the answer's thread");
        assertTrue(json.path("text").asText().startsWith("<@UFLAG>"), json.toString());
        assertTrue(json.path("text").asText().contains("maintainers"), json.toString());

        deliver(reaction("Ev3", "UFLAG", "thumbsdown", BOT, answerTs));
        deliver(reaction("Ev4", "UOTHER", "-1::skin-tone-3", BOT, answerTs));
        bot.openWhen(open -> open.get(0).askers().size() == 3);
        assertNull(slack.nextWithin(300), "the thread is told once");
        assertEquals(2, bot.store.escalations().find(flagged.id()).orElseThrow().flagged().orElseThrow().flags(),
                "one member flags one answer once");

        assertTrue(bot.verdicts.decide(flagged.id(), FlaggedAnswer.Verdict.WRONG, "alice").done());
        deliver(mention("Ev5", "C9", "UNEXT", "1515449700.000001", "请问 JRaft 支持跨机房吗？"));
        bot.openWhen(open -> open.get(0).askers().stream().anyMatch(a -> a.user().id().equals("UNEXT")));
        assertNull(slack.nextWithin(300), "the negative pair holds in every chat: escalated, not answered");
    }

    @Test
    void aReactionOnSomeoneElsesMessageOrAThumbsUpOpensNothing() throws Exception {
        String answerTs = answered();

        deliver(reaction("Ev2", "UFLAG", "-1", "UASK", QUESTION_TS));
        deliver(reaction("Ev3", "UFLAG", "-1", BOT, "1515449999.000999"));
        deliver(reaction("Ev4", "UFAN", "+1", BOT, answerTs));
        deliver(reaction("Ev5", BOT, "-1", BOT, answerTs));

        TestBot.await(() -> bot.store.feedback().flag(bot.store.feedback().reply(Platform.SLACK, "C1", answerTs)
                        .orElseThrow(), io.qabot.core.FlagKind.HELPFUL,
                new io.qabot.core.Asker(Platform.SLACK, "C1", null, new io.qabot.core.Sender("UFAN", null), "x",
                        TestBot.NOW)).recorded(), recorded -> !recorded);
        assertTrue(bot.store.escalations().open().isEmpty());
        assertNull(slack.nextWithin(300));
    }
}
