package io.qabot.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the store keeps what grows with traffic.
 *
 * @param questionLogRetention how long an asked question stays in the question log that
 *     {@code qabot stats} and the dashboard read (90 days); older ones are deleted in small
 *     batches, so the embedded database stays level under months of traffic
 */
public record StoreConfig(Duration questionLogRetention) {
    public static final StoreConfig DEFAULT = new StoreConfig(Duration.ofDays(90));

    public StoreConfig {
        Objects.requireNonNull(questionLogRetention, "questionLogRetention");
        if (questionLogRetention.isNegative() || questionLogRetention.isZero()) {
            throw new IllegalArgumentException("questionLogRetention must be positive: " + questionLogRetention);
        }
    }
}
