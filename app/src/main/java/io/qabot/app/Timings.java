package io.qabot.app;

import java.time.Duration;

/**
 * How often the maintainers' loop looks for work: due deliveries, learned answers changed by
 * another instance, escalations to announce; and how it retries a failed delivery. Not
 * settings: the defaults suit every deployment, and tests shorten them.
 */
record Timings(Duration outboxTick, Duration learnedPoll, Duration announceTick, Duration firstRetry,
               Duration maxRetry, Duration lease) {
    static final Timings DEFAULT = new Timings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(60));
}
