package io.qabot.app;

import io.qabot.core.ChatMode;
import io.qabot.core.Platform;

/**
 * Where the configuration's words for platforms and chat modes meet the bot's: config is a
 * leaf that knows nothing of bot-core, so its enums are its own, and this is the one place
 * that maps them (by name, which a test keeps equal on both sides).
 */
final class ConfigTerms {
    private ConfigTerms() {
    }

    static Platform platform(io.qabot.config.Platform platform) {
        return Platform.fromWireName(platform.configName());
    }

    static ChatMode mode(io.qabot.config.ChatMode mode) {
        return ChatMode.valueOf(mode.name());
    }
}
