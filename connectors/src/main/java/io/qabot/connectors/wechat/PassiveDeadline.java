package io.qabot.connectors.wechat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * When the connector stops waiting for the pipeline and answers a push without its passive
 * reply. In the product a timer ({@link #after}, {@link WeChatConnector#PASSIVE_DEADLINE});
 * injected so that a test says whether the deadline passed instead of racing a machine's speed
 * against four seconds.
 */
@FunctionalInterface
interface PassiveDeadline {
    /** Starts the wait for one push: the future completes when its passive reply is due. */
    CompletableFuture<Void> start();

    /** Due {@code wait} after the push arrived, by the wall clock. */
    static PassiveDeadline after(Duration wait) {
        long millis = wait.toMillis();
        return () -> new CompletableFuture<Void>().completeOnTimeout(null, millis, TimeUnit.MILLISECONDS);
    }
}
