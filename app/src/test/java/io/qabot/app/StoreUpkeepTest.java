package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.ConfigLoader;
import io.qabot.config.QabotConfig;
import io.qabot.core.Platform;
import io.qabot.core.desk.AskedQuestion;
import io.qabot.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code store.questionLogRetention}: questions older than it leave the question log (and so
 * {@code qabot stats}), in batches, however many there are; newer ones stay.
 */
class StoreUpkeepTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void questionsOlderThanTheConfiguredRetentionLeaveTheLogInBatchesAndNewerOnesStay() {
        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.of("QABOT_STORE_QUESTION_LOG_RETENTION", "30d"));
        assertEquals(Duration.ofDays(30), config.store().questionLogRetention());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (Store store = Store.open(dataDir, Optional.empty(), clock)) {
            List<AskedQuestion> asked = new ArrayList<>();
            for (int i = 0; i < 2 * StoreUpkeep.BATCH + 17; i++) { // more than two batches, 31 to 60 days old
                asked.add(new AskedQuestion(NOW.minus(Duration.ofDays(31 + i % 30)), Platform.WEBHOOK, "old " + i,
                        io.qabot.knowledge.Decision.ESCALATE, "old-" + i));
            }
            for (int i = 0; i < 5; i++) {
                asked.add(new AskedQuestion(NOW.minus(Duration.ofDays(29)), Platform.SLACK, "recent " + i, io.qabot.knowledge.Decision.ANSWER,
                        "recent"));
            }
            store.questions().record(asked);
            List<Duration> compacted = new ArrayList<>();

            long deleted = new StoreUpkeep(store.questions(), (maxTime, stop) -> compacted.add(maxTime), config.store().questionLogRetention(),
                    clock).run();

            assertEquals(2 * StoreUpkeep.BATCH + 17, deleted);
            assertEquals(5, store.questions().stats(NOW.minus(Duration.ofDays(365)), 10).asked());
            assertEquals(1, compacted.size(), "compacted after the prune");
        }
    }

    /**
     * The bot stopping ends a compaction promptly, and without an interrupt (which would close
     * the embedded database under the stop's last writes): closing the upkeep turns its stop on
     * and wakes the compaction from its pause between slices, here a pause of the whole budget.
     */
    @Test
    void closingTheUpkeepWakesItsCompactionFromAPauseAndStopsItWithoutAnInterrupt() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (Store store = Store.open(dataDir, Optional.empty(), clock)) {
            java.util.concurrent.CountDownLatch compacting = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean stopSeen = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
            StoreUpkeep upkeep = new StoreUpkeep(store.questions(), (maxTime, stop) -> {
                compacting.countDown();
                // as Store.compact pauses between slices; a stop that did not wake it would wait a minute
                java.util.concurrent.locks.LockSupport.parkNanos(maxTime.toNanos());
                stopSeen.set(stop.getAsBoolean());
                interrupted.set(Thread.currentThread().isInterrupted());
            }, Duration.ofDays(90), clock);
            Thread running = new Thread(upkeep::run, "upkeep");
            running.start();
            assertTrue(compacting.await(30, java.util.concurrent.TimeUnit.SECONDS), "the compaction began");

            upkeep.close();
            running.join(Duration.ofSeconds(30).toMillis());

            assertFalse(running.isAlive(), "the compaction ended well before its budget of " + StoreUpkeep.COMPACT_FOR);
            assertTrue(stopSeen.get(), "the compaction was told to stop");
            assertFalse(interrupted.get(), "without an interrupt");
        }
    }

    @Test
    void theDefaultRetentionIsNinetyDays() {
        assertEquals(Duration.ofDays(90), ConfigLoader.load(Optional.empty(), Map.of()).store().questionLogRetention());
    }
}
