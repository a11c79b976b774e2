package io.qabot.knowledge;

/**
 * Turns the evidence for the best candidate into a probability that its answer is the
 * right one: a logistic model over {@link Features}.
 *
 * <p>The weights are an L2-regularised (0.1) logistic regression fitted on the development
 * set as a whole: seven weights over about 80 questions. Models with more features fitted
 * the set better and predicted its left-out lines worse; this one's leave-one-out figures
 * (coverage 0.84 at precision 0.98, no false answer) are close to its in-sample ones, so it
 * describes the shape of the evidence rather than single lines. The threshold favours
 * precision: a wrong answer in a chat costs more than an escalation.
 */
record Confidence(double bias, double threadCoverage, double reverseCoverage, double margin, double bm25Margin,
                  double unseenShare, double otherProduct, double nameCoverage, double answerThreshold) {

    static final Confidence DEFAULT = new Confidence(-4.153, 1.647, 1.669, 2.894, 3.441, -3.005, -1.23, 2.869, 0.55);

    double probability(Features f) {
        double z = bias
                + threadCoverage * f.threadCoverage()
                + reverseCoverage * f.reverseCoverage()
                + margin * f.margin()
                + bm25Margin * f.bm25Margin()
                + unseenShare * f.unseenShare()
                + otherProduct * f.otherProduct()
                + nameCoverage * f.nameCoverage();
        return 1 / (1 + Math.exp(-z));
    }
}
