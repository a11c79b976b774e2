package io.qabot.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline's answer to one delivery. A redelivery (the same message id again) carries
 * the first delivery's outcome with {@code redelivery} set: the connector acknowledges it
 * the same way, and {@link #outbound()} is empty so nothing is posted a second time.
 */
public record Handled(Outcome outcome, boolean redelivery) {
    public Handled {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** What to post in reply: the outcome's message on a first delivery, nothing on a redelivery. */
    public Optional<OutboundMessage> outbound() {
        return redelivery ? Optional.empty() : outcome.outbound();
    }
}
