package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.ConfigLoader;
import io.qabot.config.QabotConfig;
import io.qabot.core.Platform;
import io.qabot.core.desk.AskedQuestion;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.snapshot.KnowledgeSnapshot;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal stop loses no question: the maintainers' loop's tasks (the question log's timer, the
 * outbox, the store's upkeep) may be writing to the embedded database when serve stops, and the
 * stop used to interrupt them; the interrupt closed the database and the last flush of the
 * question log failed ("could not record 6 questions, twice"), which failed StatsCommandTest
 * about one run in four.
 */
class StopLosesNothingTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final int BATCHES = 10;
    private static final int PER_BATCH = 100;

    @TempDir
    Path dataDir;

    @Test
    void stoppingTheLoopWhileItsTaskWritesKeepsThatWriteAndTheLastFlushAfterIt() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.of());
        try (Store store = Store.open(dataDir, Optional.empty(), clock)) {
            List<KnowledgeItem> none = List.of();
            MaintainersLoop loop = new MaintainersLoop(config, store, none, KnowledgeSnapshot.of(none),
                    KnowledgeIndex.build(none), KnowledgeIndex::build, clock, Timings.DEFAULT);
            ScheduledExecutorService timer = loop.scheduler();
            CountDownLatch running = new CountDownLatch(1);
            AtomicReference<RuntimeException> failed = new AtomicReference<>();
            // a timer's batch that is still being written when the stop begins
            timer.execute(() -> {
                running.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!timer.isShutdown() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                try {
                    for (int batch = 0; batch < BATCHES; batch++) {
                        store.questions().record(questions("in flight " + batch, PER_BATCH));
                    }
                } catch (RuntimeException e) {
                    failed.set(e);
                }
            });
            assertTrue(running.await(30, TimeUnit.SECONDS), "the task started");

            loop.close();
            // what serve does next: the question log's last flush, then the store closes
            store.questions().record(questions("the last flush", 6));

            assertNull(failed.get(), "the write under way when the stop began went through");
            assertEquals(BATCHES * PER_BATCH + 6, store.questions().stats(NOW.minusSeconds(1), 5).asked(),
                    "every question is in the store after the stop");
        }
    }

    /**
     * Serve stopped while the announcement of an escalation waits for a maintainers' chat that
     * never answers: the stop fails that post at once instead of interrupting the announcer when
     * the loop's patience runs out, nothing is written with an interrupt flag, and every question
     * is recorded.
     */
    @Test
    void stoppingServeWhileAPostWaitsForASilentPlatformRecordsEveryQuestionWithoutInterrupting() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.HOLD); LogCapture log = new LogCapture()) {
            Map<String, String> env = new java.util.HashMap<>(BotFixture.environment(dataDir, Optional.empty(), chat.url()));
            // longer than the loop's patience: the post is still waiting when that runs out
            env.put("QABOT_OUTBOUND_REQUEST_TIMEOUT", "60s");
            try (BotFixture bot = BotFixture.start(env)) {
                assertEquals("escalated", bot.client.say("group-42", null, "u1", "How do I tune qabot's GC on ARM?")
                        .path("outcome").asText());
                assertEquals("replied", bot.client.say("group-42", null, "u2", "How do I run qabot?").path("outcome").asText());
                Eventually.await(Duration.ofSeconds(20), "the announcement waits for the silent chat",
                        () -> chat.seen().stream().filter(c -> c.chat().equals(BotFixture.MAINTAINERS)).toList(),
                        held -> !held.isEmpty());
            }

            List<String> problems = log.events().stream()
                    .filter(e -> e.getFormattedMessage().contains("interrupting it")
                            || e.getFormattedMessage().contains("could not record")
                            || causedByInterrupt(e.getThrowableProxy()))
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
            assertEquals(List.of(), problems, "the stop interrupted nothing and lost nothing");
            assertTrue(log.events().stream().anyMatch(e -> e.getLoggerName().endsWith("Announcer")
                            && e.getFormattedMessage().contains("the bot is stopping")),
                    "the announcement's post ended with the stop, not with the platform's timeout");
        }
        try (Store store = Store.open(dataDir, Optional.empty(), Clock.systemUTC())) {
            assertEquals(2, store.questions().stats(Instant.EPOCH, 5).asked(), "both questions recorded");
        }
    }

    private static boolean causedByInterrupt(ch.qos.logback.classic.spi.IThrowableProxy thrown) {
        for (ch.qos.logback.classic.spi.IThrowableProxy t = thrown; t != null; t = t.getCause()) {
            if (t.getClassName().equals(java.nio.channels.ClosedByInterruptException.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static List<AskedQuestion> questions(String text, int count) {
        List<AskedQuestion> asked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            asked.add(new AskedQuestion(NOW, Platform.WEBHOOK, text + " " + i, Decision.ESCALATE, "topic-" + text + i));
        }
        return asked;
    }
}
