package io.qabot.connectors.outbound;

import java.time.Duration;
import java.util.Objects;

/**
 * @param connectTimeout  to open a connection
 * @param requestTimeout  for one attempt, from sending to the response headers
 * @param maxAttempts     attempts in all, the first included
 * @param initialBackoff  the delay before the second attempt, doubled for each one after
 * @param maxBackoff      the longest backoff delay
 * @param maxRetryAfter   a {@code Retry-After} longer than this is not waited for: the
 *                        response is returned as it is
 */
public record OutboundOptions(Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                              Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    public OutboundOptions {
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        positive(initialBackoff, "initialBackoff");
        positive(maxBackoff, "maxBackoff");
        positive(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** 5 s to connect, 10 s per attempt, 4 attempts from 500 ms to 8 s apart, Retry-After up to 60 s. */
    public static OutboundOptions defaults() {
        return new OutboundOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), 4, Duration.ofMillis(500),
                Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
