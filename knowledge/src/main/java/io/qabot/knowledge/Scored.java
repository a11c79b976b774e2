package io.qabot.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A retrieved turn with the length-independent evidence of how well it fits the question:
 * the share of the question's information (idf-weighted terms) that the turn's question,
 * its thread and its answer contain, the share of the turn's own question that the asker's
 * words cover, and whether the turn is about another product than the one asked about.
 */
record Scored(KnowledgeIndex.Entry entry, double bm25, double questionCoverage, double threadCoverage,
              double allCoverage, double reverseCoverage, double unseenShare, boolean otherProduct, double rankScore) {

    static Scored of(KnowledgeIndex.Entry entry, double bm25, List<String> queryTerms, Map<String, Double> idf,
                     double totalIdf, Set<String> namedProducts, KnowledgeIndex index) {
        double inQuestion = 0;
        double inThread = 0;
        double inAll = 0;
        double unseen = 0;
        for (String term : queryTerms) {
            double w = idf.get(term);
            boolean q = entry.question().contains(term);
            if (q) {
                inQuestion += w;
            }
            if (q || entry.contextTerms().contains(term)) {
                inThread += w;
            }
            if (entry.all().contains(term)) {
                inAll += w;
            }
            if (index.unseen(term)) {
                unseen += w;
            }
        }
        boolean otherProduct = !namedProducts.isEmpty()
                && namedProducts.stream().noneMatch(entry.products()::contains);
        return new Scored(entry, bm25, ratio(inQuestion, totalIdf), ratio(inThread, totalIdf), ratio(inAll, totalIdf),
                reverseCoverage(entry.question(), idf.keySet(), index), ratio(unseen, totalIdf), otherProduct, 0);
    }

    /**
     * The final ranking: BM25 relative to the best BM25 of this question, plus the coverage
     * shares, minus a product mismatch. Weights chosen for hit@1 on the development set,
     * where a broad plateau of nearby weights ranks equally well.
     */
    Scored ranked(double bestBm25) {
        double rank = bm25 / bestBm25 + 0.25 * questionCoverage + 0.75 * threadCoverage + 0.25 * allCoverage
                + 0.35 * reverseCoverage - (otherProduct ? 1 : 0);
        return new Scored(entry, bm25, questionCoverage, threadCoverage, allCoverage, reverseCoverage, unseenShare,
                otherProduct, rank);
    }

    private static double reverseCoverage(Set<String> candidateQuestion, Set<String> queryTerms, KnowledgeIndex index) {
        double covered = 0;
        double total = 0;
        for (String term : candidateQuestion) {
            double w = index.idf(term);
            total += w;
            if (queryTerms.contains(term)) {
                covered += w;
            }
        }
        return ratio(covered, total);
    }

    private static double ratio(double part, double whole) {
        return whole <= 0 ? 0 : Math.min(1, part / whole);
    }
}
