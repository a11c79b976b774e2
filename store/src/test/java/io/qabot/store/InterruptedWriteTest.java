package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Platform;
import io.qabot.core.desk.AskedQuestion;
import io.qabot.knowledge.Decision;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the bot never stops a thread that may be writing by interrupting it: an interrupt that
 * reaches a thread in H2's file I/O makes Java close the file channel, and H2 then closes the
 * embedded database, so every later write fails, on every thread. The container run's "could
 * not record 6 questions, twice" at a normal stop, and {@code ClosedByInterruptException} in the
 * CI logs. The compaction, which the stop used to end by interrupt, now ends on a flag.
 */
class InterruptedWriteTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void anInterruptInAWriteClosesTheEmbeddedDatabaseAndLaterWritesOfOtherThreadsFail() throws Exception {
        try (Store store = Store.open(dataDir, Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            store.questions().record(List.of(asked("before")));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                // the interrupt is there as the write's file I/O begins, as shutdownNow's was for
                // a task between two writes; no timing involved
                Thread.currentThread().interrupt();
                try {
                    store.questions().record(List.of(asked("interrupted")));
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            writer.start();
            writer.join();

            assertNotNull(failure.get(), "the interrupted write failed");
            assertTrue(causedBy(failure.get(), ClosedByInterruptException.class), String.valueOf(failure.get()));
            // a later write on another thread, never interrupted, fails too: the database is closed
            assertThrows(StoreException.class, () -> store.questions().record(List.of(asked("after"))));
        }
    }

    @Test
    void aStopEndsTheCompactionAfterTheSliceUnderWayWithoutAnInterrupt() {
        try (Store store = Store.open(dataDir, Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            fillAndPruneEveryOther(store);
            AtomicBoolean stop = new AtomicBoolean();
            List<Duration> pauses = new ArrayList<>();

            FileCompaction.Result done = store.compact(Duration.ofMinutes(4), stop::get, pause -> {
                pauses.add(pause);
                stop.set(true); // the bot stops during the first pause
            }).orElseThrow();

            assertEquals(1, done.slices(), "no slice after the stop: " + done);
            assertEquals(1, pauses.size());
            // the store is still open for the last writes of the stop
            store.questions().record(List.of(asked("the last flush")));
            assertEquals(1, store.questions().stats(NOW, 5).asked(), "the write after the stopped compaction is kept");
        }
    }

    /** Half the file's rows deleted, in sparse chunks: a compaction of many slices. */
    private static void fillAndPruneEveryOther(Store store) {
        String padding = "请问这个问题为什么这么长 ".repeat(20);
        for (int batch = 0; batch < 20; batch++) {
            List<AskedQuestion> asked = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                asked.add(new AskedQuestion(i % 2 == 0 ? NOW.minusSeconds(3600) : NOW.minusSeconds(1),
                        Platform.WEBHOOK, padding + batch + "/" + i, Decision.ESCALATE, "topic-" + batch + "/" + i));
            }
            store.questions().record(asked);
        }
        while (store.questions().prune(NOW.minusSeconds(60), 1_000) > 0) {
            // a batch at a time, as the upkeep does
        }
    }

    private static AskedQuestion asked(String text) {
        return new AskedQuestion(NOW, Platform.WEBHOOK, text, Decision.ESCALATE, "topic-" + text);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
