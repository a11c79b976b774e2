package io.qabot.knowledge;

/**
 * Turns the evidence for the best candidate into a probability that its answer is the
 * right one: a logistic model over {@link Features}. The weights were fitted on the
 * development set's labels as a whole (a handful of weights for ~80 questions, so they
 * describe the shape of the evidence, not single lines), and the answer threshold was
 * chosen for precision first: a wrong answer in a chat costs more than an escalation.
 */
record Confidence(double bias, double questionCoverage, double threadCoverage, double allCoverage,
                  double reverseCoverage, double margin, double answerThreshold) {

    static final Confidence DEFAULT = new Confidence(-6.0, 2.0, 4.0, 3.0, 1.5, 3.0, 0.5);

    double probability(Features f) {
        double z = bias
                + questionCoverage * f.questionCoverage()
                + threadCoverage * f.threadCoverage()
                + allCoverage * f.allCoverage()
                + reverseCoverage * f.reverseCoverage()
                + margin * f.margin();
        return 1 / (1 + Math.exp(-z));
    }
}
