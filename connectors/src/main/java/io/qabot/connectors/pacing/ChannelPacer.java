package io.qabot.connectors.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Spaces the sends into each channel at least {@code interval} apart, and holds a channel
 * until a time the platform named. A send that has to wait is scheduled, not slept on: no
 * thread is held. Thread-safe.
 *
 * <p>The pipeline already drops replies above a chat's rate; this is the second line, for
 * bursts the pipeline lets through (a maintainer's answer reaching ten askers in one
 * channel) and for limits only the platform knows.
 */
public final class ChannelPacer {
    private static final int SWEEP_AT = 10_000;

    private final Clock clock;
    private final Duration interval;
    private final Delays delays;
    /** When each channel may next be sent to; entries in the past are swept out. */
    private final Map<String, Instant> nextFree = new HashMap<>();

    public ChannelPacer(Clock clock, Duration interval) {
        this(clock, interval, Delays.REAL);
    }

    public ChannelPacer(Clock clock, Duration interval, Delays delays) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.delays = Objects.requireNonNull(delays, "delays");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
    }

    /** Runs {@code send} once the channel is free, and books the channel for the interval after it. */
    public <T> CompletableFuture<T> submit(String channel, Supplier<CompletableFuture<T>> send) {
        Duration wait;
        synchronized (nextFree) {
            Instant now = clock.instant();
            Instant free = nextFree.getOrDefault(channel, now);
            Instant at = free.isAfter(now) ? free : now;
            nextFree.put(channel, at.plus(interval));
            wait = Duration.between(now, at);
            if (nextFree.size() > SWEEP_AT) {
                nextFree.values().removeIf(time -> time.isBefore(now));
            }
        }
        CompletableFuture<Void> ready = wait.isZero() ? CompletableFuture.completedFuture(null) : delays.after(wait);
        return ready.thenCompose(ignored -> send.get());
    }

    /** Keeps the channel closed until {@code until}, e.g. when the platform said its bucket is empty. */
    public void holdUntil(String channel, Instant until) {
        synchronized (nextFree) {
            nextFree.merge(channel, until, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Waits without a thread; tests record the delays instead of spending them. */
    @FunctionalInterface
    public interface Delays {
        Delays REAL = delay -> CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));

        CompletableFuture<Void> after(Duration delay);
    }
}
