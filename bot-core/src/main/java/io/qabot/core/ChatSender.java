package io.qabot.core;

import java.util.concurrent.CompletableFuture;

/**
 * Posts a message into a chat on one platform. Each connector provides one; the future fails
 * when the platform refused the message after the client's retries.
 */
@FunctionalInterface
public interface ChatSender {
    CompletableFuture<Void> send(OutboundMessage message);
}
