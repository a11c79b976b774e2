package io.qabot.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Whether the store answers, checked on a thread of its own. {@code /readyz} is served on a
 * Netty I/O thread, and asking a database that is down can take seconds (the pool waits for a
 * connection), so readiness reads the last check instead of making one. A change is logged
 * once, so an outage and its end show in the log.
 */
final class StoreHealth implements BooleanSupplier, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    private final BooleanSupplier probe;
    private final AtomicBoolean up;
    /** Set on shutdown: a check that ran into the closing store is not an outage worth a WARN. */
    private volatile boolean closed;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("qabot-store-health"));

    StoreHealth(BooleanSupplier probe, Duration every) {
        this.probe = probe;
        this.up = new AtomicBoolean(probe.getAsBoolean());
        checker.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        boolean now;
        try {
            now = probe.getAsBoolean();
        } catch (RuntimeException e) {
            now = false;
        }
        if (closed) {
            return;
        }
        if (up.getAndSet(now) != now) {
            if (now) {
                log.info("store: reachable again");
            } else {
                log.warn("store: not reachable; /readyz answers 503 until it is");
            }
        }
    }

    @Override
    public boolean getAsBoolean() {
        return up.get();
    }

    @Override
    public void close() {
        closed = true;
        // before the caller closes the store under a check; not interrupted, as a check reads the store's file
        CooperativeStop.stop(checker, Duration.ofSeconds(2), "store health");
    }
}
