package io.qabot.core;

import java.util.Objects;

/**
 * The pipeline's answer to one delivery. A redelivery (the same message id again) carries
 * the first delivery's outcome with {@code redelivery} set: the connector acknowledges it
 * the same way and must not post the reply a second time.
 */
public record Handled(Outcome outcome, boolean redelivery) {
    public Handled {
        Objects.requireNonNull(outcome, "outcome");
    }
}
