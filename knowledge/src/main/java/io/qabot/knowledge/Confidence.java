package io.qabot.knowledge;

/**
 * Turns the evidence for the best candidate into a probability that its answer is the
 * right one: a logistic model over {@link Features}.
 *
 * <p>The weights and threshold are printed by {@code ConfidenceFit} (test sources), which
 * explains the fit: an L2-regularised (1.0) logistic regression over the development set
 * plus about 3,200 self-supervised questions made from the corpus, each weighing 0.01 of a
 * development line, with the intercept re-fitted on the development set. Fitted on the
 * development set alone with L2 0.1, as before, its nested leave-one-out estimate was
 * coverage 0.887 at precision 0.982, below the in-sample figures; fitted this way the
 * estimate equals the in-sample figures (coverage 0.919, precision 1.0, no false answer).
 * The threshold lies halfway between the lowest right and the highest wrong answer it
 * separates on the development set; it favours precision: a wrong answer in a chat costs
 * more than an escalation.
 */
record Confidence(double bias, double threadCoverage, double reverseCoverage, double margin, double bm25Margin,
                  double unseenShare, double otherProduct, double nameCoverage, double answerThreshold) {

    static final Confidence DEFAULT = new Confidence(-2.823, 1.452, 2.297, 1.362, 1.106, -0.553, -0.372, 1.849, 0.543);

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
