package io.qabot.config;

import java.util.Collection;
import java.util.Optional;

/**
 * The known name a misspelt one was probably meant to be: the closest by edit distance, if it
 * is at most two edits away (farther is a different name, not a typo). For "did you mean" in
 * the errors about unknown settings and the warnings about unknown variables.
 */
final class NearestName {
    private static final int MAX_EDITS = 2;

    private NearestName() {
    }

    static Optional<String> among(String name, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : known) {
            int distance = editDistance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
