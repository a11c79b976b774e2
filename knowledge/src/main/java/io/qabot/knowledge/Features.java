package io.qabot.knowledge;

/**
 * The evidence the confidence is computed from, each in [0, 1] and independent of how long
 * the question is.
 *
 * @param questionCoverage share of the question's information found in the best turn's own question
 * @param threadCoverage   the same, counting the thread's opening question too
 * @param allCoverage      the same, counting the answer too
 * @param reverseCoverage  share of the best turn's own question that the asker's words cover
 * @param margin           how far the best candidate's rank leads the best one from another thread
 * @param bm25Margin       the same lead in raw BM25
 * @param length           the question's number of distinct terms, saturating at 20
 * @param unseenShare      share of the question's information in terms the knowledge never uses
 * @param otherProduct     1 when the question names a product the best turn is not about
 * @param nameCoverage     share of the names in the question (capitalised or versioned words)
 *                         that the best turn's thread uses as whole words or is about (its products)
 */
record Features(double questionCoverage, double threadCoverage, double allCoverage, double reverseCoverage,
                double margin, double bm25Margin, double length, double unseenShare, double otherProduct,
                double nameCoverage) {

    static Features of(Scored best, Scored runnerUp, int queryTerms) {
        double margin = runnerUp == null || best.rankScore() <= 0 ? 1
                : (best.rankScore() - runnerUp.rankScore()) / best.rankScore();
        double bm25Margin = runnerUp == null || best.bm25() <= 0 ? 1 : (best.bm25() - runnerUp.bm25()) / best.bm25();
        return new Features(best.questionCoverage(), best.threadCoverage(), best.allCoverage(),
                best.reverseCoverage(), margin, bm25Margin, Math.min(queryTerms, 20) / 20.0, best.unseenShare(),
                best.otherProduct() ? 1 : 0, best.nameCoverage());
    }
}
