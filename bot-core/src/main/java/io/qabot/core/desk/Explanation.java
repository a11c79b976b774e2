package io.qabot.core.desk;

import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Match;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot would do with a question and why: the matcher's decision and confidence, the
 * best candidate and the runner-up from another thread, for the dashboard's search box.
 */
public record Explanation(Match match, Optional<Candidate> best, Optional<Candidate> runnerUp) {
    public Explanation {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(runnerUp, "runnerUp");
    }

    static Explanation of(Match match) {
        Optional<Candidate> best = match.best();
        Optional<Candidate> runnerUp = best.flatMap(b -> match.candidates().stream().skip(1)
                .filter(c -> !c.item().id().equals(b.item().id())).findFirst());
        return new Explanation(match, best, runnerUp);
    }
}
