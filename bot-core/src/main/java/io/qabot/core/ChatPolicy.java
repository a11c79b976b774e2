package io.qabot.core;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which {@link ChatMode} each chat is in: a chat's own setting, else its platform's default,
 * else the global default. Immutable; build one from configuration at start-up.
 */
public final class ChatPolicy {
    private final ChatMode fallback;
    private final Map<Platform, ChatMode> platformDefaults;
    private final Map<ChatKey, ChatMode> chats;

    private ChatPolicy(ChatMode fallback, Map<Platform, ChatMode> platformDefaults, Map<ChatKey, ChatMode> chats) {
        this.fallback = fallback;
        this.platformDefaults = platformDefaults;
        this.chats = chats;
    }

    /** Every chat in the same mode. */
    public static ChatPolicy everywhere(ChatMode mode) {
        return builder(mode).build();
    }

    /** @param fallback the mode of a chat whose platform has no default */
    public static Builder builder(ChatMode fallback) {
        return new Builder(fallback);
    }

    public ChatMode modeOf(Platform platform, String chat) {
        ChatMode own = chats.get(new ChatKey(platform, chat));
        if (own != null) {
            return own;
        }
        return platformDefaults.getOrDefault(platform, fallback);
    }

    /** Accumulates the per-chat settings; the last setting for a chat wins. */
    public static final class Builder {
        private final ChatMode fallback;
        private final Map<Platform, ChatMode> platformDefaults = new EnumMap<>(Platform.class);
        private final Map<ChatKey, ChatMode> chats = new HashMap<>();

        private Builder(ChatMode fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback mode");
        }

        public Builder platformDefault(Platform platform, ChatMode mode) {
            platformDefaults.put(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(mode, "mode"));
            return this;
        }

        public Builder chat(Platform platform, String chat, ChatMode mode) {
            chats.put(new ChatKey(platform, chat), Objects.requireNonNull(mode, "mode"));
            return this;
        }

        public ChatPolicy build() {
            return new ChatPolicy(fallback, Map.copyOf(platformDefaults), Map.copyOf(chats));
        }
    }
}
