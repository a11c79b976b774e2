package io.qabot.app;

import io.qabot.core.ChatSender;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the maintainers' loop's posts fail at once when the loop stops. The outbox and the
 * announcer wait for a platform's answer (up to 30 s); stopped by an interrupt, they then wrote
 * the failure to the store with the interrupt flag set, which closed the embedded database
 * ({@link CooperativeStop}). Failed instead, they record the failure as for any platform error
 * (the delivery is tried again at the next start) and end by themselves. Only the posts under
 * way are held, so what this keeps is bounded by the outbound client's own bound.
 */
final class SenderCutOff {
    private final Set<CompletableFuture<Optional<String>>> underWay = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    /** {@code sender}, its posts failed by {@link #cut()}. */
    ChatSender guard(ChatSender sender) {
        return ChatSender.posting(message -> {
            CompletableFuture<Optional<String>> result = new CompletableFuture<>();
            underWay.add(result);
            result.whenComplete((posted, failure) -> underWay.remove(result));
            if (cut) { // after add: either cut() sees this post or this post sees the cut
                result.completeExceptionally(stopping());
                return result;
            }
            sender.post(message).whenComplete((posted, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(posted);
                }
            });
            return result;
        });
    }

    /** Fails the posts under way and every later one. */
    void cut() {
        cut = true;
        for (CompletableFuture<Optional<String>> post : underWay) {
            post.completeExceptionally(stopping());
        }
    }

    /** Posts under way: for the test of its bound. */
    int underWay() {
        return underWay.size();
    }

    private static IllegalStateException stopping() {
        return new IllegalStateException("the bot is stopping");
    }
}
