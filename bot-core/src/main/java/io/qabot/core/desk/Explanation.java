package io.qabot.core.desk;

import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Match;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot would do with a question and why, for the dashboard's Try it: the decision and
 * confidence after the maintainers' verdicts, the best candidate and the runner-up from another
 * thread, and the matcher's own reasons ({@code why}: the features of the best candidate, what
 * each adds, the rule or threshold that decided).
 *
 * @param match the matcher's verdict with what the maintainers ruled out taken away
 * @param why   the matcher's explanation, before the maintainers' verdicts
 */
public record Explanation(Match match, Optional<Candidate> best, Optional<Candidate> runnerUp,
                          io.qabot.knowledge.Explanation why) {
    public Explanation {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(runnerUp, "runnerUp");
        Objects.requireNonNull(why, "why");
    }

    static Explanation of(Match screened, io.qabot.knowledge.Explanation why) {
        Optional<Candidate> best = screened.best();
        Optional<Candidate> runnerUp = best.flatMap(b -> screened.candidates().stream().skip(1)
                .filter(c -> !c.item().id().equals(b.item().id())).findFirst());
        return new Explanation(screened, best, runnerUp, why);
    }

    /**
     * What decided, in words: the maintainers when their verdicts changed the matcher's decision
     * (the item it would answer from is wrong for this question, or retired), else the matcher's
     * rule or threshold.
     */
    public String decidedBy() {
        if (match.decision() != why.match().decision()) {
            return "maintainers: " + why.match().best().map(c -> c.item().id()).orElse("the best item")
                    + " is ruled out for this question (wrong for it, or retired)";
        }
        return why.decidedBy();
    }
}
