package io.qabot.knowledge;

/**
 * One thing the question asks about: a term (its number, -1 when the knowledge never uses
 * it), the other ways to say it (each a set of term numbers that must all be present), and
 * how much it tells (its idf).
 */
record Concept(String term, int id, int[][] alternatives, double idf) {

    boolean presentIn(int[] sortedIds) {
        if (Vocabulary.contains(sortedIds, id)) {
            return true;
        }
        for (int[] alternative : alternatives) {
            boolean all = true;
            for (int part : alternative) {
                all &= Vocabulary.contains(sortedIds, part);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** True when neither the term nor any other way to say it occurs in the knowledge. */
    boolean unseen() {
        return id < 0 && alternatives.length == 0;
    }
}
