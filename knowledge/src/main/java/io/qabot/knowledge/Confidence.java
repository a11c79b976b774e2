package io.qabot.knowledge;

/**
 * Turns the evidence for the best candidate into a probability that its answer is the
 * right one: a logistic model over {@link Features}.
 *
 * <p>The weights are a regularised logistic regression fitted on the development set as a
 * whole (nine weights over about 80 questions, L2 0.1); leave-one-out over the same set
 * gives coverage 0.87 at precision 0.98 with threshold 0.65, close to the in-sample figures,
 * so the model describes the shape of the evidence rather than single lines. The threshold
 * favours precision: a wrong answer in a chat costs more than an escalation.
 */
record Confidence(double bias, double questionCoverage, double threadCoverage, double allCoverage,
                  double reverseCoverage, double margin, double bm25Margin, double length, double unseenShare,
                  double otherProduct, double answerThreshold) {

    static final Confidence DEFAULT = new Confidence(-3.769, 1.057, 1.559, 1.355, 2.048, 2.348, 1.65, 3.147,
            -2.946, -2.504, 0.65);

    double probability(Features f) {
        double z = bias
                + questionCoverage * f.questionCoverage()
                + threadCoverage * f.threadCoverage()
                + allCoverage * f.allCoverage()
                + reverseCoverage * f.reverseCoverage()
                + margin * f.margin()
                + bm25Margin * f.bm25Margin()
                + length * f.length()
                + unseenShare * f.unseenShare()
                + otherProduct * f.otherProduct();
        return 1 / (1 + Math.exp(-z));
    }
}
