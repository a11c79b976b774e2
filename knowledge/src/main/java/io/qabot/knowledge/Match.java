package io.qabot.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The matcher's verdict on one question: the decision, a confidence in [0, 1] that means
 * the same across questions, and the ranked candidates it was based on (best first,
 * possibly empty).
 */
public record Match(String question, Decision decision, double confidence, List<Candidate> candidates) {
    public Match {
        candidates = List.copyOf(candidates);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }

    public Optional<Candidate> best() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }
}
