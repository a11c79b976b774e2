package io.qabot.knowledge;

import java.util.List;

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
 * @param mostMissing      idf of the most informative word of the question (not a product's
 *                         name) that the best turn's thread and answer lack, relative to a word
 *                         the knowledge never uses
 * @param mostMissingLatin the same for the question's Latin words (names, versions,
 *                         identifiers), in a question written in Chinese; 0 otherwise
 * @param information      how much the question says beyond product names: its information
 *                         (idf) without them, saturating at {@value #FULL_INFORMATION}
 *                         times that of a word the knowledge never uses
 * @param asksOtherKind    1 when the question asks when, why, where, how many or what the
 *                         difference is, and the best turn's thread does not ask that
 * @param restatement      how nearly the question and the best turn's own question restate each
 *                         other: the lower of {@code questionCoverage} and {@code reverseCoverage}.
 *                         A real paraphrase holds most of the turn's question and the turn's
 *                         question most of it; a near miss ("Saga 的 TC 做什么" against "Saga 里 TC
 *                         发起回滚怎么办") is high on one side only. The linear model cannot make
 *                         "both" out of the two shares on their own.
 * @param technicalAlignment the same "both ways", with the question's side weighted by how
 *                         technical its words are: the lower of {@code technicalCoverage} and
 *                         {@code reverseCoverage}
 */
record Features(double questionCoverage, double threadCoverage, double allCoverage, double reverseCoverage,
                double margin, double bm25Margin, double length, double unseenShare, double otherProduct,
                double nameCoverage, double mostMissing, double mostMissingLatin, double information,
                double asksOtherKind, double technicalCoverage, double mostMissingTechnical, double restatement,
                double technicalAlignment) {

    /**
     * The information of about five words the knowledge never uses (five rarest words): a
     * question that says that much is specific.
     */
    static final double FULL_INFORMATION = 5.5;

    /** The names of {@link #vector()}'s elements, in order. */
    static final List<String> NAMES = List.of("questionCoverage", "threadCoverage", "allCoverage", "reverseCoverage",
            "margin", "bm25Margin", "length", "unseenShare", "otherProduct", "nameCoverage", "mostMissing",
            "mostMissingLatin", "information", "asksOtherKind", "technicalCoverage",
            "mostMissingTechnical", "restatement", "technicalAlignment");

    /** @param rareIdf the idf of a word the knowledge never uses */
    static Features of(Scored best, Scored runnerUp, Question question, double rareIdf) {
        double margin = runnerUp == null || best.rankScore() <= 0 ? 1
                : (best.rankScore() - runnerUp.rankScore()) / best.rankScore();
        double bm25Margin = runnerUp == null || best.bm25() <= 0 ? 1 : (best.bm25() - runnerUp.bm25()) / best.bm25();
        return new Features(best.questionCoverage(), best.threadCoverage(), best.allCoverage(),
                best.reverseCoverage(), margin, bm25Margin, Math.min(question.terms().size(), 20) / 20.0,
                best.unseenShare(), best.otherProduct() ? 1 : 0, best.nameCoverage(), best.mostMissing(), best.mostMissingLatin(),
                Math.min(1, question.informativeIdf() / (FULL_INFORMATION * rareIdf)),
                Asks.missing(question.asks(), best.entry().asks()) != 0 ? 1 : 0, best.technicalCoverage(),
                best.mostMissingTechnical(), Math.min(best.questionCoverage(), best.reverseCoverage()),
                Math.min(best.technicalCoverage(), best.reverseCoverage()));
    }

    double[] vector() {
        return new double[]{questionCoverage, threadCoverage, allCoverage, reverseCoverage, margin, bm25Margin, length,
                unseenShare, otherProduct, nameCoverage, mostMissing, mostMissingLatin, information, asksOtherKind,
                technicalCoverage, mostMissingTechnical, restatement, technicalAlignment};
    }
}
