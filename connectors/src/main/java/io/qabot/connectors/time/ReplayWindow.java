package io.qabot.connectors.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How far a signed request's timestamp may be from now, either way, for its signature to
 * count: what keeps a captured request from being replayed later. Every platform's
 * verifier asks this one check, so an edge fixed here is fixed for all of them.
 *
 * <p>The check compares the timestamp with {@code now - width} and {@code now + width}
 * rather than taking {@code |now - timestamp|}: that difference overflows for a timestamp
 * near either end of {@code long}, and {@code Math.abs(Long.MIN_VALUE)} is negative, which
 * once let a correctly signed request 2^63 s old through every verifier but the webhook's.
 */
public final class ReplayWindow {
    /** A {@code long} in decimal, sign included: anything longer is not a timestamp. */
    private static final int MAX_LENGTH = 20;

    private final Duration width;
    private final Clock clock;
    private final boolean millis;

    private ReplayWindow(Duration width, Clock clock, boolean millis) {
        this.width = Objects.requireNonNull(width, "width");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (width.isNegative()) {
            throw new IllegalArgumentException("a replay window cannot be negative: " + width);
        }
        this.millis = millis;
    }

    /** For timestamps in unix seconds (Slack, Discord, Feishu, WeCom, WeChat, the webhook). */
    public static ReplayWindow seconds(Duration width, Clock clock) {
        return new ReplayWindow(width, clock, false);
    }

    /** For timestamps in epoch milliseconds (DingTalk). */
    public static ReplayWindow millis(Duration width, Clock clock) {
        return new ReplayWindow(width, clock, true);
    }

    public Duration width() {
        return width;
    }

    /** Whether {@code stamp}, in this window's unit, is at most the width from now; true for no overflowing value. */
    public boolean admits(long stamp) {
        long now = millis ? clock.millis() : clock.instant().getEpochSecond();
        long reach = millis ? saturatedMillis(width) : width.getSeconds();
        return stamp >= saturatedAdd(now, -reach) && stamp <= saturatedAdd(now, reach);
    }

    /**
     * Why the timestamp header {@code name} is refused, or null when it is a whole number of
     * this window's unit inside the window. The reason names the header, never echoes it.
     */
    public String refusal(String header, String name) {
        long stamp;
        try {
            String text = header == null ? "" : header.strip();
            if (text.length() > MAX_LENGTH) {
                throw new NumberFormatException();
            }
            stamp = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return name + (millis ? " must be epoch milliseconds" : " must be unix seconds");
        }
        return admits(stamp) ? null : name + " is outside the allowed window of " + width.toSeconds() + " s";
    }

    private static long saturatedMillis(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        // overflow only when both have the same sign and the sum's sign differs
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}
