package io.qabot.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Handles each delivery once. Platforms redeliver when an acknowledgement is slow (Feishu
 * up to hours later), so the first delivery's outcome is remembered, as a future, for the
 * TTL: a redelivery, even one arriving while the first is still being worked on, gets the
 * same outcome and no second reply. A delivery whose processing failed is forgotten so
 * the platform's retry can succeed.
 *
 * <p>The front door of the pipeline rather than a {@link Stage}: it runs on the caller's
 * thread and must not wait, so it deals in futures.
 */
final class DedupStage {
    private final Cache<DeliveryKey, CompletableFuture<Outcome>> seen;

    DedupStage(Clock clock, Duration ttl) {
        this.seen = Caffeine.newBuilder()
                .ticker(TimeSource.ticker(clock))
                .expireAfterWrite(ttl)
                .maximumSize(200_000)
                .build();
    }

    CompletableFuture<Handled> handle(ChatMessage message, Supplier<CompletableFuture<Outcome>> firstDelivery) {
        DeliveryKey key = new DeliveryKey(message.platform(), message.chat(), message.messageId());
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> first = seen.asMap().putIfAbsent(key, mine);
        if (first != null) {
            return first.thenApply(outcome -> new Handled(outcome, true));
        }
        CompletableFuture<Outcome> work;
        try {
            work = firstDelivery.get();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        work.whenComplete((outcome, failure) -> {
            if (failure != null) {
                seen.asMap().remove(key, mine);
                mine.completeExceptionally(failure);
            } else {
                mine.complete(outcome);
            }
        });
        return mine.thenApply(outcome -> new Handled(outcome, false));
    }

    private record DeliveryKey(Platform platform, String chat, String messageId) {
    }
}
