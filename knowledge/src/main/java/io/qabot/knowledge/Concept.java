package io.qabot.knowledge;

import java.util.List;
import java.util.Set;

/**
 * One thing the question asks about: a term, the other ways to say it, and how much it
 * tells (its idf).
 */
record Concept(String term, List<List<String>> alternatives, double idf) {

    boolean presentIn(Set<String> terms) {
        if (terms.contains(term)) {
            return true;
        }
        for (List<String> alternative : alternatives) {
            if (terms.containsAll(alternative)) {
                return true;
            }
        }
        return false;
    }
}
