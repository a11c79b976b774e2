package io.qabot.knowledge.snapshot;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The text two askings of one question share: NFKC, lower case, letters and digits only. Strict on
 * purpose: superseding drops the older answer, so only the same question in other punctuation,
 * spacing or width counts as the same, never a merely similar one. The one definition of "the
 * same question" in qabot: the maintainers' desk joins an escalation to an open one with the same
 * key, and the question log groups unanswered questions by it.
 */
public final class QuestionKey {
    /**
     * Punctuation NFKC maps to no letter or digit (most to itself), so the key drops it: what
     * Chinese questions use besides ideographs and fullwidth ASCII.
     */
    private static final String DROPPED = "\u00a0\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u3000\u3001\u3002"
            + "\u300a\u300b\u300c\u300d\u300e\u300f\u3010\u3011";

    private QuestionKey() {
    }

    /** The key of {@code text}; empty when it holds no letter or digit. */
    public static String of(String text) {
        String plain = plain(text);
        return plain != null ? plain : folded(text);
    }

    /** The definition: NFKC, lower case, letters and digits. */
    static String folded(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    /**
     * {@link #folded}'s key, character by character, for a text made only of characters whose
     * NFKC is themselves or one ASCII character and that compose with nothing: ASCII, fullwidth
     * ASCII, CJK unified ideographs and {@link #DROPPED}; null for any other text. Normalising
     * every opening question was most of settling 100,000 items, and nearly all are such texts.
     */
    static String plain(String text) {
        StringBuilder key = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uff01' && c <= '\uff5e') {
                c = (char) (c - 0xfee0); // fullwidth ASCII: NFKC gives the ASCII character
            }
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    key.append((char) (c + ('a' - 'A')));
                } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    key.append(c);
                }
            } else if (c >= '\u4e00' && c <= '\u9fff') {
                // no decomposition, no case; an unassigned one is no letter, as in folded
                if (Character.isLetterOrDigit(c)) {
                    key.append(c);
                }
            } else if (DROPPED.indexOf(c) < 0) {
                return null;
            }
        }
        return key.toString();
    }
}
