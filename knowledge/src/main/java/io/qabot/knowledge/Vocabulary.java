package io.qabot.knowledge;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Every term the knowledge uses, numbered, with its inverse document frequency. Turns are
 * kept as sorted arrays of term numbers, so checking which of a question's terms a turn
 * holds is a binary search instead of hashing strings, for fifty candidates a question.
 */
final class Vocabulary {
    private final Map<String, Integer> ids;
    private final String[] terms;
    private final double[] idf;
    private final double unseenIdf;

    private Vocabulary(Map<String, Integer> ids, String[] terms, double[] idf, double unseenIdf) {
        this.ids = ids;
        this.terms = terms;
        this.idf = idf;
        this.unseenIdf = unseenIdf;
    }

    /** A vocabulary as {@link #terms()} and {@link #idf(int)} describe it, decoded from an {@link IndexSnapshot}. */
    static Vocabulary of(String[] terms, double[] idf, double unseenIdf) {
        if (terms.length != idf.length) {
            throw new IllegalArgumentException(terms.length + " terms, " + idf.length + " idf values");
        }
        Map<String, Integer> ids = new HashMap<>(terms.length * 2);
        for (int id = 0; id < terms.length; id++) {
            if (ids.putIfAbsent(terms[id], id) != null) {
                throw new IllegalArgumentException("the term " + terms[id] + " twice");
            }
        }
        return new Vocabulary(Map.copyOf(ids), terms.clone(), idf.clone(), unseenIdf);
    }

    /** Every term in the order of its number, for {@link IndexSnapshot}. */
    String[] terms() {
        return terms.clone();
    }

    /** The idf of a word no turn uses. */
    double unseenIdf() {
        return unseenIdf;
    }

    /** How many terms there are; their numbers are below this. */
    int size() {
        return terms.length;
    }

    String term(int id) {
        return terms[id];
    }

    /** The term's number, or -1 when no turn uses it. */
    int id(String term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    boolean known(String term) {
        return ids.containsKey(term);
    }

    double idf(int id) {
        return id < 0 ? unseenIdf : idf[id];
    }

    double idf(String term) {
        return idf(id(term));
    }

    /** The distinct known terms as a sorted array of numbers. */
    int[] sortedIds(Collection<String> terms) {
        int[] result = new int[terms.size()];
        int n = 0;
        for (String term : terms) {
            int id = id(term);
            if (id >= 0) {
                result[n++] = id;
            }
        }
        result = Arrays.copyOf(result, n);
        Arrays.sort(result);
        int distinct = 0;
        for (int i = 0; i < result.length; i++) {
            if (i == 0 || result[i] != result[i - 1]) {
                result[distinct++] = result[i];
            }
        }
        return Arrays.copyOf(result, distinct);
    }

    static boolean contains(int[] sortedIds, int id) {
        return id >= 0 && Arrays.binarySearch(sortedIds, id) >= 0;
    }

    /** Counts, for each term, how many turns use it. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private int[] documentFrequency = new int[1024];
        private int documents;

        /** Adds one turn's distinct terms. */
        void add(Collection<String> distinctTerms) {
            documents++;
            for (String term : distinctTerms) {
                int id = ids.computeIfAbsent(term, t -> ids.size());
                if (id >= documentFrequency.length) {
                    documentFrequency = Arrays.copyOf(documentFrequency, documentFrequency.length * 2);
                }
                documentFrequency[id]++;
            }
        }

        Vocabulary build() {
            double[] idf = new double[ids.size()];
            String[] terms = new String[ids.size()];
            ids.forEach((term, id) -> terms[id] = term);
            for (int id = 0; id < idf.length; id++) {
                int df = documentFrequency[id];
                idf[id] = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
            }
            return new Vocabulary(Map.copyOf(ids), terms, idf, Math.log(1 + (documents + 0.5) / 0.5));
        }
    }
}
