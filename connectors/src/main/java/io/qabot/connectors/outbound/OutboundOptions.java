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
 * @param maxPending      sends one client (one platform) may have under way at once, from
 *                        {@link OutboundClient#send} until its last attempt ends, retry waits
 *                        included; a send past it fails at once
 */
public record OutboundOptions(Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                              Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, int maxPending) {
    /** Enough for a healthy platform at its highest documented rate; see {@link #defaults()}. */
    public static final int DEFAULT_MAX_PENDING = 256;

    public OutboundOptions {
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        positive(initialBackoff, "initialBackoff");
        positive(maxBackoff, "maxBackoff");
        positive(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1: " + maxPending);
        }
    }

    /** With the default bound on pending sends. */
    public OutboundOptions(Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                           Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
        this(connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, DEFAULT_MAX_PENDING);
    }

    /**
     * 5 s to connect, 10 s per attempt, 4 attempts from 500 ms to 8 s apart, Retry-After up to
     * 60 s, 256 sends under way per platform (Slack's 50 posts a second answered in 0.3 s keep
     * about 15 under way; 256 is reached only when the platform stalls).
     */
    public static OutboundOptions defaults() {
        return new OutboundOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), 4, Duration.ofMillis(500),
                Duration.ofSeconds(8), Duration.ofSeconds(60), DEFAULT_MAX_PENDING);
    }

    public OutboundOptions withRequestTimeout(Duration timeout) {
        return new OutboundOptions(connectTimeout, timeout, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter,
                maxPending);
    }

    public OutboundOptions withMaxPending(int max) {
        return new OutboundOptions(connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter,
                max);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
