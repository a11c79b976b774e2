package io.qabot.knowledge;

/**
 * The evidence the confidence is computed from, all in [0, 1] and independent of how long
 * the question is.
 *
 * @param threadCoverage  share of the question's information found in the best turn's question or thread
 * @param allCoverage     the same, counting the answer too
 * @param reverseCoverage share of the best turn's own question that the asker's words cover
 * @param margin          how far the best candidate leads the best one from another thread
 */
record Features(double questionCoverage, double threadCoverage, double allCoverage, double reverseCoverage,
                double margin, int queryTerms) {

    static Features of(Scored best, Scored runnerUp, int queryTerms) {
        double margin = runnerUp == null || best.rankScore() <= 0 ? 1
                : Math.max(0, (best.rankScore() - runnerUp.rankScore()) / best.rankScore());
        return new Features(best.questionCoverage(), best.threadCoverage(), best.allCoverage(),
                best.reverseCoverage(), margin, queryTerms);
    }
}
