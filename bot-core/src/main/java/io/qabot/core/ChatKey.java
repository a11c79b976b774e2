package io.qabot.core;

import java.util.Objects;

/** A chat on a platform: the unit of per-chat policy and rate limits. */
record ChatKey(Platform platform, String chat) {
    ChatKey {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chat, "chat");
    }

    static ChatKey of(ChatMessage message) {
        return new ChatKey(message.platform(), message.chat());
    }
}
