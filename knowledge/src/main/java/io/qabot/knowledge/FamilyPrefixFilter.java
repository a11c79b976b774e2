package io.qabot.knowledge;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.List;

/**
 * After a lower-cased token that starts with a product-family prefix ({@code sofajraft}),
 * also emits the bare product name ({@code jraft}) at the same position. Communities name
 * their products with a family prefix in writing and drop it in chat.
 */
final class FamilyPrefixFilter extends TokenFilter {
    private static final int MIN_REMAINDER = 2;

    private final List<String> prefixes;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private String pending;
    private State pendingState;

    FamilyPrefixFilter(TokenStream input, List<String> prefixes) {
        super(input);
        this.prefixes = prefixes;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pendingState);
            term.setEmpty().append(pending);
            position.setPositionIncrement(0);
            pending = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        for (String prefix : prefixes) {
            if (term.length() >= prefix.length() + MIN_REMAINDER && startsWith(prefix)) {
                pending = term.subSequence(prefix.length(), term.length()).toString();
                pendingState = captureState();
                break;
            }
        }
        return true;
    }

    private boolean startsWith(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (term.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        pendingState = null;
    }
}
