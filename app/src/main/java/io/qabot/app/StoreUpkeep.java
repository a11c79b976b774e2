package io.qabot.app;

import io.qabot.core.desk.QuestionLog;
import io.qabot.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store level over months: every five minutes (the first a minute after start) deletes the
 * questions older than {@code store.questionLogRetention} from the question log, a small batch
 * per transaction so the bot's own writes never wait long, then lets the embedded database give
 * the file back the room ({@link Store#compact}) for up to a minute, in slices between which
 * the bot's writes go first (the compaction holds the store's lock at most half the time). Each run logs how long its two parts took.
 */
final class StoreUpkeep {
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
    private final Consumer<Duration> compact;
    private final Duration retention;
    private final Clock clock;

    StoreUpkeep(QuestionLog questions, Consumer<Duration> compact, Duration retention, Clock clock) {
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
        Instant cutoff = clock.instant().minus(retention);
        long started = System.nanoTime();
        long deleted = 0;
        int batch;
        do {
            batch = questions.prune(cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH && !Thread.currentThread().isInterrupted());
        if (deleted > 0) {
            log.info("store: {} questions asked before {} left the question log (store.questionLogRetention {})",
                    deleted, cutoff, retention);
        }
        long pruned = System.nanoTime();
        compact.accept(COMPACT_FOR);
        long done = System.nanoTime();
        log.info("store: upkeep took {} ms (prune {} ms, compact {} ms)", (done - started) / 1_000_000,
                (pruned - started) / 1_000_000, (done - pruned) / 1_000_000);
        return deleted;
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("store: the question log's upkeep failed; trying again in {}", EVERY, e);
        }
    }
}
