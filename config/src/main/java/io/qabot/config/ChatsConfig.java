package io.qabot.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-chat behaviour: the explicit {@code chats} entries and, for every other chat, the mode
 * of its platform from {@code chatDefaults} ({@link ChatMode#MENTION} unless configured).
 *
 * @param defaults the mode for chats not listed in {@code rules}; holds every platform
 * @param rules the {@code chats} entries in file order, at most one per platform and chat
 */
public record ChatsConfig(Map<Platform, ChatMode> defaults, List<ChatRule> rules) {

    public ChatsConfig {
        EnumMap<Platform, ChatMode> all = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            all.put(platform, ChatMode.MENTION);
        }
        all.putAll(Objects.requireNonNull(defaults, "defaults"));
        // An EnumMap copy rather than Map.copyOf: it keeps the platforms in a stable order in toString().
        defaults = Collections.unmodifiableMap(all);
        rules = List.copyOf(rules);
    }

    /** The mode for a chat: its rule if it has one, otherwise its platform's default. */
    public ChatMode modeFor(Platform platform, String chat) {
        for (ChatRule rule : rules) {
            if (rule.platform() == platform && rule.chat().equals(chat)) {
                return rule.mode();
            }
        }
        return defaults.get(platform);
    }
}
