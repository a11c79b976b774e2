package io.qabot.connectors.irc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into IRC message bodies that fit a byte budget: at line breaks first, then at
 * the last space that fits, and only inside a word when a word alone is too long, but
 * never inside a UTF-8 sequence, so every piece decodes on its own. Empty lines are dropped
 * (IRC cannot send them).
 */
final class IrcLineSplitter {
    private final int maxBytes;

    /** @param maxBytes the most bytes one body may take */
    IrcLineSplitter(int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("maxBytes must leave room for one UTF-8 character: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * The budget for a PRIVMSG body to {@code target} as the server relays it: 512 bytes less
     * CRLF and {@code ":nick!user@host PRIVMSG target :"}. The user and host the server shows
     * are not known for certain, so their longest usual lengths are assumed.
     */
    static IrcLineSplitter forPrivmsg(String nick, String target) {
        int overhead = (":" + nick + "!~" + "u".repeat(10) + "@" + "h".repeat(63) + " PRIVMSG " + target + " :\r\n")
                .getBytes(StandardCharsets.UTF_8).length;
        return new IrcLineSplitter(Math.max(16, 512 - overhead));
    }

    List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            String rest = line.strip();
            while (!rest.isEmpty()) {
                int cut = cut(rest);
                pieces.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            }
        }
        return pieces;
    }

    /** Where to end the next piece of {@code rest}: a char index at a code point boundary. */
    private int cut(String rest) {
        int bytes = 0;
        int fits = 0;
        int lastSpace = -1;
        for (int i = 0; i < rest.length(); ) {
            int codePoint = rest.codePointAt(i);
            int size = utf8Length(codePoint);
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
            fits = i;
            if (Character.isWhitespace(codePoint)) {
                lastSpace = i;
            }
        }
        if (fits == rest.length()) {
            return fits;
        }
        return lastSpace > 0 ? lastSpace : fits;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
