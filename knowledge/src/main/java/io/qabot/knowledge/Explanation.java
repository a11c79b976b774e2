package io.qabot.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why the matcher decided as it did: the decision itself, the model's confidence in the best
 * candidate before any rule, the threshold it was held against, the features of the best
 * candidate with what each adds to the log-odds (with the bias, they sum to the confidence's
 * logit), the runner-up from another thread, and the rule that ruled an answer out (null when
 * the threshold decided, or when a word-for-word repeat of a thread's question was answered
 * under it: {@link #decidedBy()} says so).
 */
public record Explanation(Match match, double modelConfidence, double threshold, double bias,
                          Map<String, Double> features, Map<String, Double> contributions, Candidate runnerUp,
                          String rule) {
    public Explanation {
        // in the order of Features, which is the order they are printed in
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
    }

    /** What decided, in words. */
    public String decidedBy() {
        if (rule != null) {
            return "rule: " + rule;
        }
        if (match.decision() == Decision.ANSWER && modelConfidence < threshold) {
            return "rule: " + KnowledgeIndex.Rule.REPEAT;
        }
        return String.format(java.util.Locale.ROOT, "threshold: confidence %.3f %s %.3f", modelConfidence,
                modelConfidence >= threshold ? ">=" : "<", threshold);
    }
}
