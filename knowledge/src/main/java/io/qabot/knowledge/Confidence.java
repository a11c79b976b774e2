package io.qabot.knowledge;

import java.util.Arrays;

/**
 * Turns the evidence for the best candidate into a probability that its answer is the
 * right one: a logistic model over {@link Features}, with the threshold at or above which
 * the bot answers.
 *
 * <p>The weights and threshold are printed by {@code ConfidenceFit} (test sources), which
 * also says how well they are expected to do on questions nobody tuned for (nested
 * cross-validation over both development files, see its comment).
 *
 * @param weights one per element of {@link Features#vector()}
 */
record Confidence(double bias, double[] weights, double answerThreshold) {

    /**
     * Printed by {@code ConfidenceFit}; its out-of-fold figures are in the README. The threshold
     * (0.790) also keeps the 2020 replay questions' false answers within 2 %: real members'
     * questions, the closest there is to what the bot will be asked (docs/precision.md).
     */
    static final Confidence FITTED = new Confidence(-3.362, new double[]{0.621, 0.491, 0.411, 1.095, 0.861, 0.773,
            0.419, -0.253, -0.105, 0.902, 0.076, -0.750, 0.457, -0.094, 0.806, -0.572, 0.795, 0.762}, 0.790);

    Confidence {
        if (weights.length != Features.NAMES.size()) {
            throw new IllegalArgumentException("one weight a feature: " + Features.NAMES);
        }
        weights = weights.clone();
        if (!(answerThreshold >= 0 && answerThreshold <= 1)) {
            throw new IllegalArgumentException("the threshold is a probability: " + answerThreshold);
        }
    }

    double probability(Features f) {
        double[] x = f.vector();
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** What each feature adds to the log-odds, for explaining a decision. */
    double[] contributions(Features f) {
        double[] x = f.vector();
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = weights[i] * x[i];
        }
        return c;
    }

    Confidence withThreshold(double threshold) {
        return new Confidence(bias, weights, threshold);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Confidence c && c.bias == bias && Arrays.equals(c.weights, weights)
                && c.answerThreshold == answerThreshold;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(bias) * 31 + Arrays.hashCode(weights) + Double.hashCode(answerThreshold);
    }

    @Override
    public String toString() {
        return "Confidence[bias=" + bias + ", weights=" + Arrays.toString(weights) + ", threshold=" + answerThreshold + "]";
    }
}
