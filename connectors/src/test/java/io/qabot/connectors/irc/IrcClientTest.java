package io.qabot.connectors.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.IrcConfig;
import io.qabot.config.Secret;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The IRC client against a scripted server on loopback, for what ngircd cannot show: SASL
 * PLAIN (ngircd has no SASL), a server PING, a nick already taken, and a dropped connection.
 */
@Timeout(30)
class IrcClientTest {
    private final BlockingQueue<IrcMessage> received = new LinkedBlockingQueue<>();
    private ServerSocket listener;
    private IrcClient client;

    private IrcPeer serve(Optional<String> saslUser, Optional<Secret> saslPassword) throws Exception {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        client = new IrcClient(new IrcConfig("127.0.0.1", listener.getLocalPort(), false, "qabot",
                List.of("#qabot", "#dev"), saslUser, saslPassword), received::add, Clock.systemUTC(), Duration.ofMillis(50));
        client.start();
        return new IrcPeer(listener.accept());
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void authenticatesWithSaslPlainBeforeEndingCapabilityNegotiation() throws Exception {
        IrcPeer server = serve(Optional.of("qabot-account"), Optional.of(Secret.of("pässword")));

        assertEquals("CAP LS 302", server.awaitCommand("CAP"));
        server.awaitCommand("NICK qabot");
        server.awaitCommand("USER qabot 0 * :");
        server.send(":irc.test CAP * LS :multi-prefix sasl=PLAIN,EXTERNAL server-time");
        assertEquals("CAP REQ :sasl", server.awaitCommand("CAP"));
        server.send(":irc.test CAP * ACK :sasl");
        assertEquals("AUTHENTICATE PLAIN", server.awaitCommand("AUTHENTICATE"));
        server.send("AUTHENTICATE +");
        String credentials = server.awaitCommand("AUTHENTICATE").substring("AUTHENTICATE ".length());
        assertEquals("qabot-account\0qabot-account\0pässword",
                new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8));
        server.send(":irc.test 900 qabot qabot!qabot@host qabot-account :You are now logged in as qabot-account");
        server.send(":irc.test 903 qabot :SASL authentication successful");
        assertEquals("CAP END", server.awaitCommand("CAP"));
        server.send(":irc.test 001 qabot :Welcome");
        server.awaitCommand("JOIN #qabot");
        server.awaitCommand("JOIN #dev");
    }

    @Test
    void answersPingsTakesAnotherNickWhenItsOwnIsTakenAndPassesMessagesOn() throws Exception {
        IrcPeer server = serve(Optional.empty(), Optional.empty());
        server.awaitCommand("NICK qabot");
        server.send(":irc.test 433 * qabot :Nickname is already in use");
        server.awaitCommand("NICK qabot_");
        server.send(":irc.test 001 qabot_ :Welcome");
        server.awaitCommand("JOIN #qabot");

        server.send("PING :irc.test-1234");
        assertEquals("PONG :irc.test-1234", server.awaitCommand("PONG"));
        server.send("@msgid=abc;time=2026-11-21T10:00:00.000Z :lilei!~li@host PRIVMSG #qabot :qabot_: hello there");

        IrcMessage message = received.poll(5, TimeUnit.SECONDS);
        assertEquals("lilei", message.nick());
        assertEquals(List.of("#qabot", "qabot_: hello there"), message.params());
        assertEquals("abc", message.tags().get("msgid"));
        assertEquals("qabot_", client.nick());
    }

    @Test
    void reconnectsAfterADropAndJoinsItsChannelsAgain() throws Exception {
        IrcPeer first = serve(Optional.empty(), Optional.empty());
        first.awaitCommand("NICK qabot");
        first.send(":irc.test 001 qabot :Welcome");
        first.awaitCommand("JOIN #qabot");
        first.close();

        try (IrcPeer second = new IrcPeer(listener.accept())) {
            second.awaitCommand("NICK qabot");
            second.send(":irc.test 001 qabot :Welcome back");
            second.awaitCommand("JOIN #qabot");
            second.awaitCommand("JOIN #dev");
        }
    }

    @Test
    void holdsLinesBeyondTheFloodBurstAndSendsThemLater() throws Exception {
        IrcPeer server = serve(Optional.empty(), Optional.empty());
        server.awaitCommand("NICK qabot");
        server.send(":irc.test 001 qabot :Welcome");
        server.awaitCommand("JOIN #dev");

        client.privmsg("#qabot", List.of("one", "two", "three", "four", "five"));

        for (String line : List.of("one", "two", "three", "four")) {
            assertEquals("PRIVMSG #qabot :" + line, server.awaitCommand("PRIVMSG"));
        }
        assertEquals(null, server.nextWithin(1_000), "the fifth waits for a token (one per 2 s)");
        assertTrue(server.awaitCommand("PRIVMSG").endsWith(":five"));
    }

    @Test
    void aMessageThatWouldOverfillTheQueueWhileTheServerKeepsTheBotOutIsRefusedWhole() throws Exception {
        IrcPeer server = serve(Optional.empty(), Optional.empty());
        server.awaitCommand("NICK qabot"); // connected, but not welcomed: nothing can be sent yet

        java.util.concurrent.CompletableFuture<Void> a = client.privmsg("#qabot", lines("a", 60));
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> client.privmsg("#qabot", lines("b", IrcClient.MAX_QUEUED_LINES - 59)).get(5, TimeUnit.SECONDS));
        assertInstanceOf(RejectedExecutionException.class, refused.getCause());
        java.util.concurrent.CompletableFuture<Void> c = client.privmsg("#qabot",
                lines("c", IrcClient.MAX_QUEUED_LINES - 60)); // just fits
        assertFalse(a.isDone() || c.isDone(), "queued, not sent: nothing is reported sent before it is written");

        server.send(":irc.test 001 qabot :Welcome");
        assertEquals("PRIVMSG #qabot :a 0", server.awaitCommand("PRIVMSG"), "what was queued goes out once let in");
    }

    @Test
    void aMessageQueuedWhileDisconnectedCountsAsSentOnlyOnceWrittenToTheNextConnection() throws Exception {
        IrcPeer first = serve(Optional.empty(), Optional.empty());
        first.awaitCommand("NICK qabot");
        first.send(":irc.test 001 qabot :Welcome");
        first.awaitCommand("JOIN #dev");
        first.close();

        try (IrcPeer second = new IrcPeer(listener.accept())) {
            second.awaitCommand("NICK qabot"); // reconnected, not yet welcomed: nothing can be sent
            second.awaitCommand("USER");
            java.util.concurrent.CompletableFuture<Void> sent = client.privmsg("#qabot", List.of("nick: the answer"));
            assertEquals(null, second.nextWithin(300), "nothing written before the welcome");
            assertFalse(sent.isDone(), "reported sent while it could not be written");

            second.send(":irc.test 001 qabot :Welcome back");
            second.awaitCommand("JOIN #dev");
            assertEquals("PRIVMSG #qabot :nick: the answer", second.awaitCommand("PRIVMSG"));
            sent.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void linesStillWaitingWhenTheClientStopsAreReportedUnsent() throws Exception {
        IrcPeer server = serve(Optional.empty(), Optional.empty());
        server.awaitCommand("NICK qabot"); // never welcomed

        java.util.concurrent.CompletableFuture<Void> sent = client.privmsg("#qabot", List.of("lost"));
        client.close();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> sent.get(5, TimeUnit.SECONDS));
        assertEquals("irc: stopped before the line was sent", failed.getCause().getMessage());
        client = null;
    }

    private static List<String> lines(String name, int count) {
        return IntStream.range(0, count).mapToObj(i -> name + " " + i).toList();
    }
}
