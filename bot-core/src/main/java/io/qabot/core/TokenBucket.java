package io.qabot.core;

import java.time.Clock;

/**
 * A token bucket: holds up to {@code rate.permits()} tokens and refills them evenly over
 * {@code rate.per()}. Full at creation, so a quiet chat may burst up to the limit.
 *
 * <p>Counted in exact integers (one token is {@code per} nanoseconds' worth of refill times
 * {@code permits}) so that "20 a minute" means a token every 3 s exactly, not 2.9999 s.
 */
final class TokenBucket {
    private final Clock clock;
    private final long permits;
    private final long periodNanos;
    /** Tokens times {@code periodNanos}. */
    private long level;
    private long lastNanos;

    TokenBucket(Rate rate, Clock clock) {
        this.clock = clock;
        this.permits = rate.permits();
        this.periodNanos = rate.per().toNanos();
        this.level = permits * periodNanos;
        this.lastNanos = TimeSource.nanos(clock.instant());
    }

    synchronized boolean tryAcquire() {
        refill();
        if (level >= periodNanos) {
            level -= periodNanos;
            return true;
        }
        return false;
    }

    /** Gives back a token taken for a message that was not sent after all. */
    synchronized void refund() {
        level = Math.min(permits * periodNanos, level + periodNanos);
    }

    private void refill() {
        long now = TimeSource.nanos(clock.instant());
        if (now > lastNanos) {
            // past one full period the bucket is full anyway; capping first also prevents overflow
            long elapsed = Math.min(now - lastNanos, periodNanos);
            level = Math.min(permits * periodNanos, level + elapsed * permits);
            lastNanos = now;
        }
    }
}
