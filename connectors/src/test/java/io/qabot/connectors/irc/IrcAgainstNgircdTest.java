package io.qabot.connectors.irc;

import static io.qabot.connectors.fakes.TestBot.ANSWER;
import static io.qabot.connectors.fakes.TestBot.QUESTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.IrcConfig;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IRC connector end to end against a real ngircd on loopback: a second client joins the
 * channel as a person, asks, and reads the bot's answer as the server relays it.
 */
@Timeout(90)
class IrcAgainstNgircdTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path folder;
    private Ngircd server;
    private TestBot bot;
    private IrcConnector connector;

    @BeforeEach
    void start() throws Exception {
        server = Ngircd.start(folder);
        bot = new TestBot(Platform.IRC, "#qabot-auto");
        connector = new IrcConnector(new IrcConfig("127.0.0.1", server.port, false, "qabot",
                List.of("#qabot", "#qabot-auto"), Optional.empty(), Optional.empty()),
                bot.pipeline, bot.clock, Duration.ofMillis(100));
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

    /** Joins {@code channel} and waits until the bot is in it too (it may still be connecting). */
    static void joinWithBot(IrcPeer person, String channel) throws Exception {
        person.send("JOIN " + channel);
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            person.send("NAMES " + channel);
            String names = person.await(line -> line.contains(" 353 ") && line.contains(channel), WAIT);
            if (names.matches(".*[: @+]qabot( .*|$)")) {
                return;
            }
            person.nextWithin(100);
        }
        throw new AssertionError("the bot never joined " + channel);
    }

    static String botSays(IrcPeer person, String channel, String start) throws InterruptedException {
        return person.await(line -> line.startsWith(":qabot!") && line.contains(" PRIVMSG " + channel + " :" + start), WAIT);
    }

    @Test
    void answersAQuestionAddressedToItAsNickColonInTheChannel() throws Exception {
        try (IrcPeer lilei = IrcPeer.connect(server.port).register("lilei")) {
            joinWithBot(lilei, "#qabot");

            lilei.send("PRIVMSG #qabot :qabot: " + QUESTION);

            String answer = botSays(lilei, "#qabot", "lilei: ");
            assertTrue(answer.endsWith(" PRIVMSG #qabot :lilei: " + ANSWER), answer);
            assertTrue(answer.getBytes(StandardCharsets.UTF_8).length + 2 <= 512);
            botSays(lilei, "#qabot", "Links: https://github.com/sofastack/sofa-jraft");
            botSays(lilei, "#qabot", "Source: SOFA Weekly");
        }
    }

    @Test
    void staysQuietUnlessAddressedInAMentionChannelButAnswersAnyQuestionInAnAutoChannel() throws Exception {
        try (IrcPeer tom = IrcPeer.connect(server.port).register("tom");
             IrcPeer mei = IrcPeer.connect(server.port).register("mei")) {
            joinWithBot(tom, "#qabot");
            joinWithBot(mei, "#qabot-auto");

            tom.send("PRIVMSG #qabot :有人知道 raft 能跨机房部署吗");
            tom.send("PRIVMSG #qabot :qabot, " + QUESTION);
            mei.send("PRIVMSG #qabot-auto :" + QUESTION);

            assertTrue(botSays(tom, "#qabot", "tom: ").endsWith(ANSWER));
            assertTrue(botSays(mei, "#qabot-auto", "mei: ").endsWith(ANSWER));
            assertEquals(2, bot.matcher.calls(), "the unaddressed line in the mention channel never reached the matcher");
        }
    }

    @Test
    void announcesIntoTheChatWithoutReplyingToAnything() throws Exception {
        try (IrcPeer maintainer = IrcPeer.connect(server.port).register("maint")) {
            joinWithBot(maintainer, "#qabot");

            connector.sender().send(OutboundMessage.post(Platform.IRC, "#qabot", null, "New question #7",
                    OutboundMessage.Author.BOT, "announce-7-1")).get(10, TimeUnit.SECONDS);

            String line = botSays(maintainer, "#qabot", "New question #7");
            assertTrue(line.endsWith(" PRIVMSG #qabot :New question #7"), "addressed to no one: " + line);
        }
    }

    @Test
    void reconnectsAndJoinsAgainAfterTheServerRestarts() throws Exception {
        try (IrcPeer first = IrcPeer.connect(server.port).register("first")) {
            joinWithBot(first, "#qabot");
        }

        server.stop();
        server.launch();

        try (IrcPeer ann = IrcPeer.connect(server.port).register("ann")) {
            joinWithBot(ann, "#qabot");
            ann.send("PRIVMSG #qabot :qabot: " + QUESTION);
            assertTrue(botSays(ann, "#qabot", "ann: ").endsWith(ANSWER));
        }
    }
}
