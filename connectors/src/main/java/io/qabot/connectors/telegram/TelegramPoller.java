package io.qabot.connectors.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling for a bot without a public URL: {@code getUpdates} with the offset one past
 * the last update seen (which confirms everything before it to Telegram), handing each update
 * on, then asking again at once. After a failure it waits, doubling from one second up to
 * thirty, so a network outage or a still-set webhook (Telegram answers 409 then) does not
 * become a tight loop. No thread waits: each poll is an asynchronous request.
 */
final class TelegramPoller {
    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration LAST_BACKOFF = Duration.ofSeconds(30);

    private final TelegramBotApi api;
    private final Duration longPoll;
    private final Consumer<JsonNode> updates;
    private volatile boolean running;
    private volatile CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
    private long offset;
    private Duration backoff = FIRST_BACKOFF;

    TelegramPoller(TelegramBotApi api, Duration longPoll, Consumer<JsonNode> updates) {
        this.api = api;
        this.longPoll = longPoll;
        this.updates = updates;
    }

    void start() {
        running = true;
        poll();
    }

    void stop() {
        running = false;
        inFlight.cancel(true);
    }

    /** One poll; the next is chained from its completion, so only one is ever in flight. */
    private void poll() {
        if (!running) {
            return;
        }
        inFlight = api.getUpdates(offset, longPoll).whenComplete((result, failure) -> {
            if (!running) {
                return;
            }
            if (failure != null) {
                log.warn("telegram getUpdates failed, polling again in {}: {}", backoff, failure.getMessage());
                Duration wait = backoff;
                backoff = backoff.multipliedBy(2).compareTo(LAST_BACKOFF) > 0 ? LAST_BACKOFF : backoff.multipliedBy(2);
                CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(this::poll);
                return;
            }
            backoff = FIRST_BACKOFF;
            for (JsonNode update : result) {
                long id = update.path("update_id").asLong(-1);
                if (id >= offset) {
                    offset = id + 1;
                }
                try {
                    updates.accept(update);
                } catch (RuntimeException e) {
                    log.warn("telegram update {} could not be handled", id, e);
                }
            }
            poll();
        });
    }
}
