package io.qabot.core.reply;

/**
 * Where to cut a text that is too long: after the last sentence that fits, else after the
 * last word, else anywhere. Knows Chinese and Western sentence ends, and that a '.' inside
 * "1.5" or "a.b" ends no sentence.
 */
final class SentenceBoundary {
    private static final String SENTENCE_ENDS = "。！？!?；;…\n";

    private SentenceBoundary() {
    }

    /** The length of the longest prefix of {@code text} no longer than {@code limit} that ends well. */
    static int before(String text, int limit) {
        if (limit >= text.length()) {
            return text.length();
        }
        if (limit <= 0) {
            return 0;
        }
        // a whole sentence is worth losing up to two thirds of the room; a word, half of it
        for (int end = limit; end > limit / 3; end--) {
            char last = text.charAt(end - 1);
            if (SENTENCE_ENDS.indexOf(last) >= 0) {
                return end;
            }
            if (last == '.' && Character.isWhitespace(text.charAt(end))) {
                return end;
            }
        }
        for (int end = limit; end > limit / 2; end--) {
            if (Character.isWhitespace(text.charAt(end))) {
                return end;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }
}
