package io.qabot.connectors.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class IrcMessageTest {

    @Test
    void readsPrefixCommandParamsAndTrailing() {
        IrcMessage message = IrcMessage.parse(":lilei!~li@host PRIVMSG #project :qabot: how do I build?");

        assertEquals("lilei", message.nick());
        assertEquals("PRIVMSG", message.command());
        assertEquals(List.of("#project", "qabot: how do I build?"), message.params());
    }

    @Test
    void readsTagsAndAServerPingWithoutPrefix() {
        IrcMessage tagged = IrcMessage.parse("@msgid=63E1033A051D4B41;time=2026-11-21T10:00:00.000Z :a!b@c PRIVMSG #x :hi");
        IrcMessage ping = IrcMessage.parse("PING :irc.example.org");

        assertEquals("63E1033A051D4B41", tagged.tags().get("msgid"));
        assertNull(ping.prefix());
        assertEquals("irc.example.org", ping.trailing());
    }

    @Test
    void recognisesTheUsualWaysOfAddressingTheBot() {
        assertEquals("how?", IrcConnector.addressed("qabot: how?", "qabot").text());
        assertEquals("how?", IrcConnector.addressed("QaBot, how?", "qabot").text());
        assertEquals("how?", IrcConnector.addressed("@qabot how?", "qabot").text());
        assertEquals(true, IrcConnector.addressed("ask qabot about it", "qabot").mentioned());
        assertEquals(false, IrcConnector.addressed("qabots are great", "qabot").mentioned());
    }
}
