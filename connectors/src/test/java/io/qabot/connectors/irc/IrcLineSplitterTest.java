package io.qabot.connectors.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrcLineSplitterTest {

    @Test
    void keepsShortTextOnOneLineAndSplitsAtLineBreaks() {
        assertEquals(List.of("lilei: answer", "Links: https://x"),
                new IrcLineSplitter(100).split("lilei: answer\n\nLinks: https://x\n"));
    }

    @Test
    void cutsAtTheLastSpaceThatFits() {
        assertEquals(List.of("aaaa bbbb", "cccc"), new IrcLineSplitter(10).split("aaaa bbbb cccc"));
    }

    @Test
    void neverCutsInsideAUtf8CharacterEvenWithoutSpaces() {
        String chinese = "跨机房不需要特殊支持只是网络延时大一点而已";   // 3 bytes each, no spaces
        List<String> pieces = new IrcLineSplitter(10).split(chinese);

        assertEquals(String.join("", pieces), chinese);
        for (String piece : pieces) {
            byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
            assertTrue(bytes.length <= 10, piece);
            assertEquals(piece, new String(bytes, StandardCharsets.UTF_8), "each piece decodes on its own");
        }
        assertEquals("跨机房", pieces.get(0), "9 bytes fit, the 4th character (12 bytes) does not");
    }

    @Test
    void keepsSurrogatePairsTogether() {
        List<String> pieces = new IrcLineSplitter(5).split("a🙏🙏");

        assertEquals(List.of("a🙏", "🙏"), pieces);
    }

    @Test
    void leavesRoomForWhatTheServerPrependsSoRelayedLinesStayWithin512Bytes() {
        IrcLineSplitter splitter = IrcLineSplitter.forPrivmsg("qabot", "#qabot");
        String prefix = ":qabot!~" + "u".repeat(10) + "@" + "h".repeat(63) + " PRIVMSG #qabot :";

        for (String piece : splitter.split("лиса ".repeat(300) + "跨机房".repeat(200))) {
            assertTrue((prefix + piece + "\r\n").getBytes(StandardCharsets.UTF_8).length <= 512, piece);
        }
    }
}
