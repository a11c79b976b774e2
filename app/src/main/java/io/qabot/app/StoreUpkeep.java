package io.qabot.app;

import io.qabot.core.desk.QuestionLog;
import io.qabot.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store level over months: every five minutes (the first a minute after start) deletes the
 * questions older than {@code store.questionLogRetention} from the question log, a small batch
 * per transaction so the bot's own writes never wait long, then lets the embedded database give
 * the file back the room ({@link Store#compact}) for up to a minute, in slices between which
 * the bot's writes go first (the compaction holds the store's lock at most half the time). Each run logs how long its two parts took.
 * {@link #close} ends a run under way after its current batch or slice, without interrupting
 * it: an interrupt in H2's file I/O closes the embedded database.
 */
final class StoreUpkeep implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreUpkeep.class);
    static final int BATCH = 1_000;
    static final Duration EVERY = Duration.ofMinutes(5);
    static final Duration FIRST = Duration.ofMinutes(1);
    /**
     * Long, because a slice's fsyncs take up to a second on a disk other jobs keep busy: the hour
     * soak beside four builds spent a 2-second budget in 4–14 slices and gave nothing back, so
     * the file grew by 100 MiB an hour. The slices' pauses keep the bot's writes going meanwhile.
     */
    static final Duration COMPACT_FOR = Duration.ofSeconds(60);

    private final QuestionLog questions;
    private final BiConsumer<Duration, BooleanSupplier> compact;
    private final Duration retention;
    private final Clock clock;
    private volatile boolean stopped;
    /** The thread of the run under way, if any: {@link #close} unparks it from a compaction's pause. */
    private volatile Thread running;

    /** @param compact {@link Store#compact}: compacts for at most the duration, until the supplier says stop */
    StoreUpkeep(QuestionLog questions, BiConsumer<Duration, BooleanSupplier> compact, Duration retention, Clock clock) {
        this.questions = questions;
        this.compact = compact;
        this.retention = retention;
        this.clock = clock;
    }

    void start(ScheduledExecutorService timer) {
        timer.scheduleWithFixedDelay(this::runQuietly, FIRST.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Prunes and compacts once; returns how many questions it deleted. */
    long run() {
        running = Thread.currentThread();
        try {
            return runOnce();
        } finally {
            running = null;
        }
    }

    private long runOnce() {
        Instant cutoff = clock.instant().minus(retention);
        long started = System.nanoTime();
        long deleted = 0;
        int batch;
        do {
            batch = questions.prune(cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH && !stopped);
        if (deleted > 0) {
            log.info("store: {} questions asked before {} left the question log (store.questionLogRetention {})",
                    deleted, cutoff, retention);
        }
        long pruned = System.nanoTime();
        if (!stopped) {
            compact.accept(COMPACT_FOR, () -> stopped);
        }
        long done = System.nanoTime();
        log.info("store: upkeep took {} ms (prune {} ms, compact {} ms)", (done - started) / 1_000_000,
                (pruned - started) / 1_000_000, (done - pruned) / 1_000_000);
        return deleted;
    }

    /** Ends the run under way after its current batch or slice, and any later one before it starts. */
    @Override
    public void close() {
        stopped = true;
        Thread thread = running;
        if (thread != null) {
            LockSupport.unpark(thread); // a pause between slices ends now; anything else parked there only wakes and waits again
        }
    }

    private void runQuietly() {
        if (stopped) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("store: the question log's upkeep failed; trying again in {}", EVERY, e);
        }
    }
}
