package io.qabot.connectors.irc;

import java.time.Clock;
import java.time.Duration;

/**
 * The token bucket for outgoing lines. RFC 1459 §8.10 servers charge two seconds per line and
 * stop reading a client ten seconds ahead, which allows a burst of about five lines and then
 * one line per two seconds; staying inside that means the server never stalls the bot (and a
 * stalled bot misses PINGs). Not thread-safe: used on the connection's event loop only.
 */
final class IrcFloodControl {
    private final Clock clock;
    private final int burst;
    private final long intervalNanos;
    private double tokens;
    private long lastNanos;

    IrcFloodControl(Clock clock, int burst, Duration interval) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.clock = clock;
        this.burst = burst;
        this.intervalNanos = interval.toNanos();
        this.tokens = burst;
        this.lastNanos = nanos();
    }

    /** Four lines at once, then one every two seconds: just inside RFC 1459's limit. */
    static IrcFloodControl rfc1459(Clock clock) {
        return new IrcFloodControl(clock, 4, Duration.ofSeconds(2));
    }

    boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until {@link #tryTake()} can succeed. */
    Duration untilNext() {
        refill();
        return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) * intervalNanos));
    }

    private void refill() {
        long now = nanos();
        if (now > lastNanos) {
            tokens = Math.min(burst, tokens + (double) (now - lastNanos) / intervalNanos);
            lastNanos = now;
        }
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
