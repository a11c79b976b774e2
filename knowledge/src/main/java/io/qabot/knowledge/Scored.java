package io.qabot.knowledge;

import java.util.List;
import java.util.Set;

/**
 * A retrieved turn with the length-independent evidence of how well it fits the question:
 * the share of the question's information (idf-weighted terms) that the turn's question,
 * its thread and its answer contain, the share of the turn's own question that the asker's
 * words cover, and whether the turn is about another product than the one asked about.
 */
record Scored(KnowledgeIndex.Entry entry, double bm25, double questionCoverage, double threadCoverage,
              double allCoverage, double reverseCoverage, double unseenShare, boolean otherProduct,
              double nameCoverage, double rankScore) {

    static Scored of(KnowledgeIndex.Entry entry, double bm25, List<Concept> concepts, Set<String> queryTerms,
                     double totalIdf, Set<String> namedProducts, List<List<String>> names,
                     KnowledgeIndex index) {
        double inQuestion = 0;
        double inThread = 0;
        double inAll = 0;
        double unseen = 0;
        for (Concept concept : concepts) {
            double w = concept.idf();
            boolean q = concept.presentIn(entry.question());
            if (q) {
                inQuestion += w;
            }
            if (q || concept.presentIn(entry.contextTerms())) {
                inThread += w;
            }
            if (concept.presentIn(entry.all())) {
                inAll += w;
            }
            if (index.unseen(concept)) {
                unseen += w;
            }
        }
        // a turn that names no product at all may still be about the one asked for
        boolean otherProduct = !namedProducts.isEmpty() && !entry.products().isEmpty()
                && namedProducts.stream().noneMatch(entry.products()::contains);
        return new Scored(entry, bm25, ratio(inQuestion, totalIdf), ratio(inThread, totalIdf), ratio(inAll, totalIdf),
                reverseCoverage(entry.question(), queryTerms, index), ratio(unseen, totalIdf), otherProduct,
                nameCoverage(entry, names), 0);
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
                otherProduct, nameCoverage, rank);
    }

    /** Share of the names in the question (any of each name's terms) that the turn's thread uses. */
    private static double nameCoverage(KnowledgeIndex.Entry entry, List<List<String>> names) {
        if (names.isEmpty()) {
            return 1;
        }
        long present = names.stream().filter(n -> n.stream().anyMatch(entry.all()::contains)).count();
        return (double) present / names.size();
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
