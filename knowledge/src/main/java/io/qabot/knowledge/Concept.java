package io.qabot.knowledge;

/**
 * One thing the question asks about: a term (its number, -1 when the knowledge never uses
 * it), the other ways to say it (each a set of term numbers that must all be present), and
 * how much it tells (its idf), and whether it is a product's name (which says what the
 * question is about, not what it asks), and whether it is written in Latin letters or digits
 * (worked out once per question: it is asked for every candidate), and how everyday a word
 * it is ({@link EverydayWords}, in [0, 1]).
 */
record Concept(String term, int id, int[][] alternatives, double idf, boolean productName, boolean latin,
               double everyday) {

    /** A concept whose term is written in Latin letters or digits (a name, a version, an identifier) or not. */
    Concept(String term, int id, int[][] alternatives, double idf, boolean productName) {
        this(term, id, alternatives, idf, productName, term.chars().allMatch(c -> c < 0x2E80),
                EverydayWords.commonness(term));
    }

    /** The same concept, read as an everyday word. */
    Concept asEveryday() {
        return new Concept(term, id, alternatives, idf, productName, latin, 1);
    }

    /** How much the concept tells about the subject: its idf, less the share an everyday word has. */
    double technicalIdf() {
        return idf * (1 - everyday);
    }

    /**
     * True when the term or every part of one of its other names is held.
     *
     * @param held     which of the question's expanded ids a turn holds
     * @param expanded the question's expanded ids, which include this concept's
     */
    boolean presentIn(long[] held, TermSet expanded) {
        if (expanded.holds(held, id)) {
            return true;
        }
        for (int[] alternative : alternatives) {
            boolean all = true;
            for (int part : alternative) {
                all &= expanded.holds(held, part);
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
