package io.qabot.config;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How sure the matcher must be before the bot answers.
 *
 * @param minConfidence the confidence (0-1) at or above which a question is answered; empty
 *     means the threshold fitted with the confidence model. Higher answers less and more
 *     surely ({@code qabot eval --curve} shows the trade-off on an evaluation file).
 */
public record MatchingConfig(OptionalDouble minConfidence) {
    public static final MatchingConfig DEFAULT = new MatchingConfig(OptionalDouble.empty());

    public MatchingConfig {
        Objects.requireNonNull(minConfidence, "minConfidence");
        if (minConfidence.isPresent() && !(minConfidence.getAsDouble() >= 0 && minConfidence.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("minConfidence must be from 0 to 1: " + minConfidence.getAsDouble());
        }
    }
}
