package io.qabot.knowledge.snapshot;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The text two askings of one question share: NFKC, lower case, letters and digits only. Strict on
 * purpose: superseding drops the older answer, so only the same question in other punctuation,
 * spacing or width counts as the same, never a merely similar one.
 */
final class QuestionKey {
    private QuestionKey() {
    }

    static String of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }
}
