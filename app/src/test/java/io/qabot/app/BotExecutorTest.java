package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bot's pool holds a bounded number of waiting messages; the next is refused and counted. */
class BotExecutorTest {
    @Test
    void pastTheQueuesBoundAMessageIsRefusedAtOnceAndCounted() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        ThreadPoolExecutor pool = BotExecutor.create(1, 2, dropped::incrementAndGet);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            pool.execute(() -> { });
            pool.execute(() -> { }); // two waiting: the bound

            RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
            assertEquals("the bot's queue is full (2 waiting)", refused.getMessage());
            assertEquals(1, dropped.get());
            assertEquals(2, pool.getQueue().size());
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }
}
