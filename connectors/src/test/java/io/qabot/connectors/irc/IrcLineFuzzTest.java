package io.qabot.connectors.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as a line from the IRC server, and as an answer to send: the parser gives a
 * message (command upper case and without spaces, never a null parameter) and never throws;
 * the splitter gives non-empty pieces within the PRIVMSG byte budget, without CR or LF, that
 * together keep every non-blank character of the text in order. Seeds: server lines from
 * ngircd and the IRCv3 examples, and long multi-line answers.
 */
class IrcLineFuzzTest {
    private static final IrcLineSplitter SPLITTER = IrcLineSplitter.forPrivmsg("qabot", "#sofa-jraft");
    private static final IrcLineSplitter NARROW = new IrcLineSplitter(4);

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyLineParsesAndAnyAnswerSplitsWithinTheBudget(String text) {
        if (text == null) {
            return;   // Jazzer\'s empty input; the code under test is never handed null
        }
        IrcMessage message = IrcMessage.parse(text);
        assertNotNull(message.command());
        assertFalse(message.command().contains(" "), "a command with a space");
        message.params().forEach(param -> assertNotNull(param));
        message.nick();
        message.trailing();

        check(SPLITTER, 512 - (":qabot!~" + "u".repeat(10) + "@" + "h".repeat(63) + " PRIVMSG #sofa-jraft :\r\n").length(), text);
        check(NARROW, 4, text);
    }

    private static void check(IrcLineSplitter splitter, int budget, String text) {
        StringBuilder kept = new StringBuilder();
        for (String piece : splitter.split(text)) {
            assertFalse(piece.isEmpty(), "an empty piece");
            assertFalse(piece.contains("\r") || piece.contains("\n"), "a piece with a line break");
            assertTrue(piece.getBytes(StandardCharsets.UTF_8).length <= budget,
                    () -> "a piece over " + budget + " bytes: " + piece);
            kept.append(piece);
        }
        assertEquals(nonBlank(text), nonBlank(kept.toString()), "the pieces lost or reordered text");
    }

    private static String nonBlank(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
