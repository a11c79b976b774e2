package io.qabot.config;

import java.util.Objects;

/** One chat on one platform, e.g. the maintainers' channel. */
public record ChatRef(Platform platform, String chat) {
    public ChatRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chat, "chat");
    }
}
