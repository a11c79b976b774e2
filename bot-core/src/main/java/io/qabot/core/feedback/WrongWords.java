package io.qabot.core.feedback;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tells whether a reply to the bot's answer says that it is wrong: the whole message is one of
 * the phrases ({@code policy.wrongWords}: "不对", "wrong", "👎", …), or starts with one followed by punctuation ("不对，应该是…").
 * Case, width and surrounding spaces do not matter. A phrase inside a longer sentence ("what is
 * wrong with my config") is not a flag: a member asking a question must not flag the answer.
 */
public final class WrongWords {
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final String AFTER = ",.!?;:，。！？；：、…~～";

    private final List<String> phrases;

    public WrongWords(List<String> phrases) {
        Objects.requireNonNull(phrases, "phrases");
        this.phrases = phrases.stream().map(WrongWords::fold).filter(p -> !p.isEmpty()).toList();
    }

    /** Whether {@code text} (the bot's mention already removed) says the answer is wrong. */
    public boolean saysWrong(String text) {
        String folded = fold(text);
        for (String phrase : phrases) {
            if (folded.equals(phrase)) {
                return true;
            }
            if (folded.startsWith(phrase) && AFTER.indexOf(folded.charAt(phrase.length())) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String fold(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SPACE.matcher(folded).replaceAll(" ").strip()
                // a trailing "!" or "。" alone is still the whole phrase
                .replaceAll("[,.!?;:，。！？；：、…~～\\s]+$", "");
    }
}
