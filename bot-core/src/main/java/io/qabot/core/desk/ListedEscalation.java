package io.qabot.core.desk;

import io.qabot.core.Escalation;
import java.util.Objects;

/**
 * An escalation as a list shows it: how many asked, and only the first few of them. A busy
 * question gathers hundreds of askers, and a list of hundreds of such questions carrying every
 * one of them was megabytes; {@link EscalationStore#find} has them all, and an answer reaches
 * every one whatever a list showed.
 *
 * @param escalation the escalation with its first askers only, in the order they asked
 * @param askers     how many asked, all of them
 */
public record ListedEscalation(Escalation escalation, int askers) {
    public ListedEscalation {
        Objects.requireNonNull(escalation, "escalation");
        if (askers < escalation.askers().size()) {
            throw new IllegalArgumentException(askers + " askers, fewer than the " + escalation.askers().size() + " listed");
        }
    }

    /** A list entry of an escalation read with all its askers. */
    public static ListedEscalation of(Escalation escalation) {
        return new ListedEscalation(escalation, escalation.askers().size());
    }

    /** Whether askers beyond those listed asked too. */
    public boolean more() {
        return askers > escalation.askers().size();
    }
}
