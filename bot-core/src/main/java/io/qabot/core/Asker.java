package io.qabot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone who asked an escalated question, and where: enough to deliver the maintainers'
 * answer back into the same chat and thread, addressed to them.
 */
public record Asker(Platform platform, String chat, String thread, Sender user, String messageId, Instant asked) {
    public Asker {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(asked, "asked");
    }

    public static Asker of(ChatMessage message) {
        return new Asker(message.platform(), message.chat(), message.thread(), message.sender(),
                message.messageId(), message.time());
    }
}
