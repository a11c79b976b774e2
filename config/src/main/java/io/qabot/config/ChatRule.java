package io.qabot.config;

import java.util.Objects;

/** How the bot behaves in one chat: an entry of {@code chats}. */
public record ChatRule(Platform platform, String chat, ChatMode mode) {
    public ChatRule {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(mode, "mode");
    }
}
