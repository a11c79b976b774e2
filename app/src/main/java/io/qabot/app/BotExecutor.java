package io.qabot.app;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bot's worker pool (matching, storage, the admin routes) with a bounded queue: past
 * {@link #QUEUE} waiting messages a new one is refused at once and counted, instead of piling up
 * in memory while the bot falls further behind. A refused request gets 503 with Retry-After
 * (the router's answer to a refused task), a refused Slack event is not acknowledged, so the
 * platforms deliver them again; an event already acknowledged (Telegram) is logged as lost.
 */
final class BotExecutor {
    /** About a second of traffic at the bot's saturation on two cores, and a few MiB of messages. */
    static final int QUEUE = 4_096;

    private BotExecutor() {
    }

    static ThreadPoolExecutor create(int threads, int queue, Runnable dropped) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                DaemonThreads.named("qabot-bot"), (task, pool) -> {
                    dropped.run();
                    throw new RejectedExecutionException(pool.isShutdown() ? "the bot is stopping"
                            : "the bot's queue is full (" + queue + " waiting)");
                });
    }
}
