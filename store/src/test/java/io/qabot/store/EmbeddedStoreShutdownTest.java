package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Platform;
import io.qabot.core.desk.AskedQuestion;
import io.qabot.knowledge.Decision;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop signal (docker stop) runs the JVM's shutdown hooks all at once. qabot's own hook
 * finishes the requests in progress and closes the store last, so the embedded store must stay
 * open until then: H2 by default closes every file database from a shutdown hook of its own, and
 * the container run showed it ({@code store: not reachable} 0.1 s into the drain, while the server
 * was still finishing requests). Here a child JVM writes to the store from a shutdown hook that
 * runs after every other hook has finished, the worst order the JVM may choose.
 */
class EmbeddedStoreShutdownTest {
    @TempDir
    Path dataDir;

    @Test
    void aQuestionLoggedWhileTheJvmStopsIsThereAfterTheRestart() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                WritesWhileStopping.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM exits");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("written after " + WritesWhileStopping.OTHER_HOOKS), output);

        try (Store store = Store.open(dataDir, Optional.empty(), Clock.systemUTC())) {
            assertEquals(1, store.questions().stats(Instant.EPOCH, 5).asked(), output);
        }
    }

    /** The child: opens the embedded store, then exits; its shutdown hook logs a question. */
    static final class WritesWhileStopping {
        static final String OTHER_HOOKS = "the other shutdown hooks:";

        public static void main(String[] args) throws Exception {
            Store store = Store.open(Path.of(args[0]), Optional.empty(), Clock.systemUTC());
            Set<Thread> others = registeredHooks();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Thread other : others) {
                    awaitFinished(other);
                }
                store.questions().record(List.of(new AskedQuestion(Instant.now(), Platform.WEBHOOK,
                        "asked while the bot stops", Decision.ESCALATE, "escalation:1")));
                store.close();
                System.out.println("written after " + OTHER_HOOKS + " " + others);
            }, "qabot-shutdown"));
            System.exit(0);
        }

        /** The hooks registered so far; the JVM clears this map once it starts running them. */
        @SuppressWarnings("unchecked")
        private static Set<Thread> registeredHooks() throws ReflectiveOperationException {
            Field hooks = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
            hooks.setAccessible(true);
            synchronized (Class.forName("java.lang.ApplicationShutdownHooks")) {
                return Set.copyOf(((Map<Thread, Thread>) hooks.get(null)).keySet());
            }
        }

        /** The JVM starts the hooks one after another, then joins them: this one may start first. */
        private static void awaitFinished(Thread hook) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hook.getState() == Thread.State.NEW && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            try {
                hook.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
