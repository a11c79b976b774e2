package io.qabot.knowledge;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case-insensitive alternation of phrases, tried only where one of them can start.
 * java.util.regex tries every alternative at every position of a text, so fifty phrases
 * over a question of a hundred characters were thousands of failed attempts; here one bit
 * per character finds the few positions worth trying, and the pattern decides there.
 *
 * <p>Each phrase is a regex that starts with a literal character, optionally after
 * {@code \b} or a backslash escape; the result is exactly that of the whole alternation's
 * {@code replaceAll}.
 */
final class Phrases {
    private final Pattern pattern;
    private final BitSet firstCharacters = new BitSet(Character.MAX_VALUE + 1);

    Phrases(List<String> phrases) {
        for (String phrase : phrases) {
            char first = firstCharacter(phrase);
            firstCharacters.set(first);
            // (?i) without UNICODE_CASE folds ASCII letters only
            if (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z') {
                firstCharacters.set(Character.toLowerCase(first));
                firstCharacters.set(Character.toUpperCase(first));
            }
        }
        this.pattern = Pattern.compile("(?i)(" + String.join("|", phrases) + ")");
    }

    private static char firstCharacter(String phrase) {
        if (phrase.startsWith("\\b") && phrase.length() > 2) {
            phrase = phrase.substring(2);
        }
        if (phrase.startsWith("\\") && phrase.length() > 1 && !Character.isLetterOrDigit(phrase.charAt(1))) {
            return phrase.charAt(1);
        }
        if (phrase.isEmpty() || "\\()[]{}.^$|?*+".indexOf(phrase.charAt(0)) >= 0) {
            throw new IllegalArgumentException("a phrase must start with a literal character: " + phrase);
        }
        return phrase.charAt(0);
    }

    /** Every phrase in the text replaced, leftmost first, as {@link Matcher#replaceAll(String)} does. */
    String replaceAll(String text, String replacement) {
        Matcher matcher = null;
        StringBuilder replaced = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!firstCharacters.get(text.charAt(i))) {
                continue;
            }
            if (matcher == null) {
                // transparent bounds: \b at the start of a region still sees the character before it
                matcher = pattern.matcher(text).useTransparentBounds(true);
                replaced = new StringBuilder(text.length());
            }
            matcher.region(i, text.length());
            if (matcher.lookingAt()) {
                replaced.append(text, copied, i).append(replacement);
                copied = matcher.end();
                i = Math.max(i, matcher.end() - 1);
            }
        }
        return replaced == null ? text : replaced.append(text, copied, text.length()).toString();
    }
}
