package io.qabot.core;

import java.time.Duration;
import java.util.Objects;

/** A number of messages allowed per period: both the burst size and the sustained rate. */
public record Rate(int permits, Duration per) {
    public Rate {
        Objects.requireNonNull(per, "per");
        if (permits <= 0) {
            throw new IllegalArgumentException("permits must be positive: " + permits);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("per must be positive: " + per);
        }
    }

    public static Rate perSecond(int permits) {
        return new Rate(permits, Duration.ofSeconds(1));
    }

    public static Rate perMinute(int permits) {
        return new Rate(permits, Duration.ofMinutes(1));
    }
}
