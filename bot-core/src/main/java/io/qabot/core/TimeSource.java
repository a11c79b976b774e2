package io.qabot.core;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;

/** Bridges the injected {@link Clock} to Caffeine's nanosecond {@link Ticker}, so tests move both at once. */
final class TimeSource {
    private TimeSource() {
    }

    static Ticker ticker(Clock clock) {
        return () -> nanos(clock.instant());
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
