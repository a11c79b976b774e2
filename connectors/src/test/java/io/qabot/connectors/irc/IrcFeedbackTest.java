package io.qabot.connectors.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.IrcConfig;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.core.Escalation;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "qabot: 不对" right after the bot's answer in an IRC channel, through a real ngircd on loopback, into
 * the real store. IRC has neither threads nor replies to a message (and no signatures: the server is
 * the authority), so "a reply to the answer" is a line addressed to the bot right after it in the
 * same channel (within ten minutes).
 */
@Timeout(90)
class IrcFeedbackTest {
    private static final String CHANNEL = "#qabot";
    private static final String QUESTION = "raft 能跨机房部署吗";

    @TempDir
    Path folder;
    @TempDir
    Path dataDir;
    private Ngircd server;
    private TestBot bot;
    private IrcConnector connector;

    @BeforeEach
    void start() throws Exception {
        server = Ngircd.start(folder);
        bot = TestBot.withStore(Platform.IRC, dataDir);
        // the connector's flood control refills with time: its clock starts at the bot's fixed NOW
        // and moves on, so the marker below is not held back forever by an empty bucket
        Clock ticking = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), TestBot.NOW));
        connector = new IrcConnector(new IrcConfig("127.0.0.1", server.port, false, "qabot", List.of(CHANNEL),
                Optional.empty(), Optional.empty()), bot.pipeline, ticking, Duration.ofMillis(100));
        connector.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (bot != null) {
            bot.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String botSays(IrcPeer person, String start) throws InterruptedException {
        return IrcAgainstNgircdTest.botSays(person, CHANNEL, start);
    }

    @Test
    void aWrongAddressedToTheBotRightAfterTheAnswerFlagsItTheChannelIsToldOnceAndTheNegativePairTakesEffect()
            throws Exception {
        try (IrcPeer lilei = IrcPeer.connect(server.port).register("lilei");
             IrcPeer hanmei = IrcPeer.connect(server.port).register("hanmei");
             IrcPeer tom = IrcPeer.connect(server.port).register("tom");
             IrcPeer mei = IrcPeer.connect(server.port).register("mei")) {
            for (IrcPeer person : List.of(lilei, hanmei, tom, mei)) {
                IrcAgainstNgircdTest.joinWithBot(person, CHANNEL);
            }
            lilei.send("PRIVMSG " + CHANNEL + " :qabot: " + QUESTION);
            assertTrue(botSays(hanmei, "lilei: ").contains("跨机房不需要特殊支持"));
            TestBot.await(() -> bot.store.feedback().latest(Platform.IRC, CHANNEL, null, TestBot.NOW.minusSeconds(1)),
                    Optional::isPresent);

            hanmei.send("PRIVMSG " + CHANNEL + " :qabot: 不对");

            Escalation flagged = bot.openWhen(open -> open.size() == 1).get(0);
            assertEquals(List.of("lilei", "hanmei"), flagged.askers().stream().map(a -> a.user().id()).toList());
            String notice = botSays(tom, "hanmei: ");
            assertTrue(notice.contains("maintainers"), notice);

            tom.send("PRIVMSG " + CHANNEL + " :qabot, wrong");
            bot.openWhen(open -> open.get(0).askers().size() == 3);
            assertEquals(2, bot.store.escalations().find(flagged.id()).orElseThrow().flagged().orElseThrow().flags());
            // told once: between the first notice and a marker the bot posts now (one connection,
            // so the channel keeps the bot's order) nobody is told again
            connector.sender().send(OutboundMessage.post(Platform.IRC, CHANNEL, null, "marker-1",
                    OutboundMessage.Author.BOT, null)).get(15, java.util.concurrent.TimeUnit.SECONDS);
            List<String> again = new ArrayList<>();
            tom.await(line -> {
                if (line.startsWith(":qabot!") && line.contains("maintainers")) {
                    again.add(line);
                }
                return line.contains(" PRIVMSG " + CHANNEL + " :marker-1");
            }, Duration.ofSeconds(15));
            assertEquals(List.of(), again, "told once");

            assertTrue(bot.verdicts.decide(flagged.id(), FlaggedAnswer.Verdict.WRONG, "alice").done());
            mei.send("PRIVMSG " + CHANNEL + " :qabot: " + QUESTION);
            // escalated, not answered: an answer would have opened nothing
            bot.openWhen(open -> open.stream().anyMatch(e -> e.askers().stream().anyMatch(a -> a.user().id().equals("mei"))));
        }
    }
}
