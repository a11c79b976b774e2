package io.qabot.core;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Posts a message into a chat on one platform. Each connector provides one; the future fails
 * when the platform refused the message after the client's retries.
 */
@FunctionalInterface
public interface ChatSender {
    CompletableFuture<Void> send(OutboundMessage message);

    /**
     * Sends {@code message} and tells the id the platform gave the new message, where the
     * platform says it and its thread replies carry it (Slack's {@code ts}, Feishu's
     * {@code message_id}, a webhook bridge's {@code id}); empty elsewhere. The maintainers' chat
     * uses it to take a reply in an announcement's thread as the answer to that escalation.
     */
    default CompletableFuture<Optional<String>> post(OutboundMessage message) {
        return send(message).thenApply(sent -> Optional.empty());
    }

    /** A sender made of its {@link #post}: for connectors that read the id of every message they post. */
    static ChatSender posting(Function<OutboundMessage, CompletableFuture<Optional<String>>> post) {
        return new ChatSender() {
            @Override
            public CompletableFuture<Void> send(OutboundMessage message) {
                return post.apply(message).thenApply(posted -> null);
            }

            @Override
            public CompletableFuture<Optional<String>> post(OutboundMessage message) {
                return post.apply(message);
            }
        };
    }
}
