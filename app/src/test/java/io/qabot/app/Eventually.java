package io.qabot.app;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for an effect that happens on another thread or in another process: polls the
 * condition until it holds or the deadline passes, then fails with what was last seen.
 * For cross-process effects only; within one process, tests use latches.
 */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T await(Duration deadline, String what, Callable<T> probe, java.util.function.Predicate<T> done)
            throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        T last = null;
        Exception error = null;
        while (System.nanoTime() < end) {
            try {
                last = probe.call();
                error = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                error = e;
            }
            Thread.sleep(50); // a polling interval, not a wait for time to pass
        }
        AssertionError failure = new AssertionError("not within " + deadline + ": " + what + "; last seen: " + last);
        if (error != null) {
            failure.initCause(error);
        }
        throw failure;
    }
}
