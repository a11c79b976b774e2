package io.qabot.connectors.dingtalk;

import io.qabot.connectors.pacing.ChannelPacer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Time that passes only when the test says so: each wait the code asks for is recorded and
 * completes once {@link #advance} has moved the hand past it. Nothing sleeps.
 */
final class HandDelays implements ChannelPacer.Delays {
    private record Wait(Duration due, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Duration> asked = new LinkedBlockingQueue<>();
    private final List<Wait> waiting = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public synchronized CompletableFuture<Void> after(Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.add(new Wait(now.plus(delay), done));
        asked.add(delay);
        return done;
    }

    /** The next wait the code asked for; fails after 10 s of real time. */
    Duration nextWait() throws InterruptedException {
        Duration delay = asked.poll(10, TimeUnit.SECONDS);
        if (delay == null) {
            throw new AssertionError("no wait was asked for within 10 s");
        }
        return delay;
    }

    /** The next wait asked for within {@code millis} of real time, or null. */
    Duration nextWaitWithin(long millis) throws InterruptedException {
        return asked.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Moves the hand forward by {@code by} and ends every wait that is due by then. */
    void advance(Duration by) {
        List<CompletableFuture<Void>> due = new ArrayList<>();
        synchronized (this) {
            now = now.plus(by);
            waiting.removeIf(wait -> {
                if (wait.due().compareTo(now) <= 0) {
                    due.add(wait.done());
                    return true;
                }
                return false;
            });
        }
        due.forEach(done -> done.complete(null));
    }
}
