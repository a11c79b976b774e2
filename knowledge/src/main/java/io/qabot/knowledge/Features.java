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
 * @param margin           how far the best candidate's rank leads the best one from another thread,
 *                         a lead counted only as far as the knowledge has other questions to lead
 *                         ({@link #fieldShare}), the rest at the margin's mean
 * @param bm25Margin       the same lead in raw BM25, counted the same way
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

    /**
     * The number of other questions a lead is worth its fitted weight against: the ranker's
     * field ({@code KnowledgeIndex.CANDIDATES}). Every knowledge the model was fitted and measured
     * on holds more (the SOFA corpus hundreds, the 2020 replay's knowledge 87 items and their
     * turns), so there the margins are what the fit saw.
     */
    static final int FULL_FIELD = 50;
    /**
     * The margins' means over the development lines that reach the model (no rule stops them):
     * what the fit takes for "no evidence either way" (printed by {@code ConfidenceFit}).
     */
    static final double MEAN_MARGIN = 0.30;
    static final double MEAN_BM25_MARGIN = 0.29;

    /**
     * @param rareIdf     the idf of a word the knowledge never uses
     * @param competitors how many other questions (copy groups) the knowledge holds: the field
     *                    the runner-up is drawn from
     */
    static Features of(Scored best, Scored runnerUp, Question question, double rareIdf, int competitors) {
        double margin = runnerUp == null || best.rankScore() <= 0 ? 1
                : (best.rankScore() - runnerUp.rankScore()) / best.rankScore();
        double bm25Margin = runnerUp == null || best.bm25() <= 0 ? 1 : (best.bm25() - runnerUp.bm25()) / best.bm25();
        double field = fieldShare(competitors);
        return new Features(best.questionCoverage(), best.threadCoverage(), best.allCoverage(),
                best.reverseCoverage(), evidence(margin, MEAN_MARGIN, field), evidence(bm25Margin, MEAN_BM25_MARGIN, field),
                Math.min(question.terms().size(), 20) / 20.0,
                best.unseenShare(), best.otherProduct() ? 1 : 0, best.nameCoverage(), best.mostMissing(), best.mostMissingLatin(),
                Math.min(1, question.informativeIdf() / (FULL_INFORMATION * rareIdf)),
                Asks.missing(question.asks(), best.entry().asks()) != 0 ? 1 : 0, best.technicalCoverage(),
                best.mostMissingTechnical(), Math.min(best.questionCoverage(), best.reverseCoverage()),
                Math.min(best.technicalCoverage(), best.reverseCoverage()));
    }

    /**
     * How much a lead over the other candidates is evidence, by how many there could be. A margin
     * says "nothing else in the knowledge fits this well". In a corpus of hundreds of questions a
     * line shares its words with many of them, so a clear lead is rare and means something (of the
     * development lines the model sees, none leads by more than 0.86). In a FAQ of a few entries
     * most words are in one entry only, so any line that shares one with it has no runner-up and a
     * margin of 1, answer or not:
     * "能在话题里回答吗？" scored 0.875 on the 6-entry sample FAQ, 1.6 of its logit from the two margins.
     * The chance that a line which is not about an entry still finds no other shrinks about
     * geometrically with the other questions there are, so the evidence in a lead grows about
     * linearly with their number until the ranker's field is full: the share is the other
     * questions over {@link #FULL_FIELD}, at most 1.
     */
    static double fieldShare(int competitors) {
        return Math.max(0, Math.min(1, competitors / (double) FULL_FIELD));
    }

    /**
     * A lead counted for its share of the evidence, the rest at the margins' mean: a lead over a
     * field of none says neither "certain" (1) nor "tied" (0) but nothing, which is what the mean
     * adds to the fitted log-odds. Only a lead is shrunk: a runner-up that nearly ties says "the
     * knowledge cannot tell these apart" however few entries there are, so a margin under the mean
     * stays. With a full field it is the margin itself, so the SOFA figures do not move; on a
     * small FAQ an answer must come from the coverage both ways (a real rewording) instead.
     */
    private static double evidence(double margin, double mean, double field) {
        return Math.min(margin, field * margin + (1 - field) * mean);
    }

    double[] vector() {
        return new double[]{questionCoverage, threadCoverage, allCoverage, reverseCoverage, margin, bm25Margin, length,
                unseenShare, otherProduct, nameCoverage, mostMissing, mostMissingLatin, information, asksOtherKind,
                technicalCoverage, mostMissingTechnical, restatement, technicalAlignment};
    }
}
