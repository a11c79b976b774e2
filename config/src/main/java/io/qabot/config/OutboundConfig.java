package io.qabot.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the bot posts to the platforms' APIs.
 *
 * @param requestTimeout how long one attempt may wait for the platform's response (10 s); a post
 *     that timed out is not tried again, since the platform may have posted it already
 * @param maxPending the most posts to one platform that may be under way at once, retries and
 *     their waits included (256); past it a post is dropped, logged and counted, so a platform
 *     that hangs or refuses holds a bounded amount of memory and connections
 */
public record OutboundConfig(Duration requestTimeout, int maxPending) {
    public static final OutboundConfig DEFAULT = new OutboundConfig(Duration.ofSeconds(10), 256);

    public OutboundConfig {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1: " + maxPending);
        }
    }
}
