package io.qabot.app;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops an executor whose tasks may be inside the store by letting the running ones finish, not
 * by interrupting them. An interrupt that reaches a thread in H2's file I/O makes Java close the
 * file channel ({@code ClosedByInterruptException}), and H2 then closes the embedded database:
 * every later write of the run fails, the last flush of the question log at a stop included
 * ("could not record 6 questions, twice"). Tasks not yet started are dropped, as
 * {@code shutdownNow} did; only a task still running after {@code patience} is interrupted, and
 * that is logged, since its write may then be lost.
 */
final class CooperativeStop {
    private static final Logger log = LoggerFactory.getLogger(CooperativeStop.class);

    private CooperativeStop() {
    }

    /** Stops {@code executor} as the class says; returns when its tasks have ended or were interrupted. */
    static void stop(ExecutorService executor, Duration patience, String name) {
        if (executor instanceof ScheduledThreadPoolExecutor scheduled) {
            // periodic tasks end at shutdown anyway; this drops the one-shot ones waiting in the queue too
            scheduled.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        executor.shutdown();
        try {
            if (executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            log.warn("{}: a task is still running {} after the stop began; interrupting it", name, patience);
            executor.shutdownNow();
            executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            executor.shutdownNow(); // whoever stops us is in a hurry: so are we
            Thread.currentThread().interrupt();
        }
    }
}
