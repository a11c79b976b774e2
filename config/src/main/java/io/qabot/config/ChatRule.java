package io.qabot.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How the bot behaves in one chat: an entry of {@code chats}.
 *
 * @param acknowledge whether an asker whose question goes to the maintainers is told so in
 *     their thread; empty: the default (yes where the bot was addressed, not in {@code auto} chats)
 */
public record ChatRule(Platform platform, String chat, ChatMode mode, Optional<Boolean> acknowledge) {
    public ChatRule {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(acknowledge, "acknowledge");
    }

    public ChatRule(Platform platform, String chat, ChatMode mode) {
        this(platform, chat, mode, Optional.empty());
    }
}
