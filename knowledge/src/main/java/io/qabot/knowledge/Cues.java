package io.qabot.knowledge;

import java.util.List;
import java.util.Locale;

/**
 * Words and phrases looked for anywhere in a message, by plain substring search: dozens of
 * alternatives in one regular expression are tried at every position of the text, which on a
 * long message costs more than the rest of reading it. A Latin cue written with a leading
 * or trailing space must start or end a word there ({@code " how "}); others match inside
 * words too ({@code "fail"} in "failed").
 */
final class Cues {
    private final List<String> cues;

    Cues(List<String> cues) {
        this.cues = List.copyOf(cues);
    }

    /** @param lower the text in lower case */
    boolean foundIn(String lower) {
        for (String cue : cues) {
            if (find(lower, cue)) {
                return true;
            }
        }
        return false;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean find(String text, String cue) {
        boolean wordStart = cue.startsWith(" ");
        boolean wordEnd = cue.endsWith(" ") && cue.length() > 1;
        String core = cue.strip();
        for (int at = text.indexOf(core); at >= 0; at = text.indexOf(core, at + 1)) {
            if ((!wordStart || at == 0 || !isWordChar(text.charAt(at - 1)))
                    && (!wordEnd || at + core.length() == text.length() || !isWordChar(text.charAt(at + core.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
