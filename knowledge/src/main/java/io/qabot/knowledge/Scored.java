package io.qabot.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A retrieved turn with the length-independent evidence of how well it fits the question:
 * the share of the question's information (idf-weighted terms) that the turn's question,
 * its thread and its answer contain, and the share of the turn's own question that the
 * asker's words cover.
 */
record Scored(KnowledgeIndex.Entry entry, double bm25, double questionCoverage, double threadCoverage,
              double allCoverage, double reverseCoverage, double rankScore) {

    static Scored of(KnowledgeIndex.Entry entry, double bm25, List<String> queryTerms, Map<String, Double> idf,
                     double totalIdf, KnowledgeIndex index) {
        double inQuestion = 0;
        double inThread = 0;
        double inAll = 0;
        for (String term : queryTerms) {
            double w = idf.get(term);
            boolean q = entry.question().contains(term);
            boolean c = entry.contextTerms().contains(term);
            if (q) {
                inQuestion += w;
            }
            if (q || c) {
                inThread += w;
            }
            if (entry.all().contains(term)) {
                inAll += w;
            }
        }
        double reverse = reverseCoverage(entry.question(), idf.keySet(), index);
        double qc = ratio(inQuestion, totalIdf);
        double tc = ratio(inThread, totalIdf);
        double ac = ratio(inAll, totalIdf);
        double rank = 0.45 * tc + 0.25 * ac + 0.2 * qc + 0.1 * reverse;
        return new Scored(entry, bm25, qc, tc, ac, reverse, rank);
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

    double score() {
        return rankScore;
    }
}
