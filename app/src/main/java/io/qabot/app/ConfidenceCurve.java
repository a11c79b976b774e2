package io.qabot.app;

import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Explanation;
import io.qabot.knowledge.KnowledgeIndex;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code qabot eval --curve}: coverage, precision and false-answer rate of an evaluation file
 * at each confidence threshold, so a maintainer can choose {@code matching.minConfidence}.
 * A line a rule rules out (another product, only chat, nothing asked) stays unanswered at
 * every threshold, as it would in service.
 */
final class ConfidenceCurve {
    private final PrintStream out;

    ConfidenceCurve(PrintStream out) {
        this.out = out;
    }

    /** How one line would be decided at any threshold. */
    private record Judged(boolean answerable, boolean eligible, double confidence, boolean right) {
    }

    void print(KnowledgeIndex index, EvaluationSet set) {
        List<Judged> judged = new ArrayList<>();
        for (EvaluationSet.Line line : set.lines()) {
            Explanation why = index.explain(line.query());
            boolean eligible = why.rule() == null && !why.features().isEmpty();
            boolean right = why.match().best().map(c -> line.accepts(c.item().source().file(), c.turn().answer()))
                    .orElse(false);
            judged.add(new Judged(line.answerable(), eligible, why.modelConfidence(), right));
        }
        long answerable = judged.stream().filter(Judged::answerable).count();
        long unanswerable = judged.size() - answerable;
        out.printf(Locale.ROOT, "%-9s %7s %8s %9s %12s%n", "threshold", "answers", "coverage", "precision", "false-answer");
        List<Double> thresholds = new ArrayList<>();
        for (int t = 50; t <= 95; t += 5) {
            thresholds.add(t / 100.0);
        }
        thresholds.add(0.98);
        if (!thresholds.contains(index.minConfidence())) {
            thresholds.add(index.minConfidence());
            thresholds.sort(Double::compare);
        }
        for (double t : thresholds) {
            int answers = 0;
            int right = 0;
            int falseAnswers = 0;
            for (Judged j : judged) {
                if (!j.eligible() || j.confidence() < t) {
                    continue;
                }
                answers++;
                right += j.answerable() && j.right() ? 1 : 0;
                falseAnswers += j.answerable() ? 0 : 1;
            }
            out.printf(Locale.ROOT, "%-9s %7d %8s %9s %12s%s%n", String.format(Locale.ROOT, "%.3f", t), answers,
                    answerable == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) right / answerable),
                    answers == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) right / answers),
                    unanswerable == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) falseAnswers / unanswerable),
                    t == index.minConfidence() ? "  <- in use" : "");
        }
        out.println();
    }
}
