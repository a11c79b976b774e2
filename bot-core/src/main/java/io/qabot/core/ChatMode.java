package io.qabot.core;

import java.util.Locale;

/** How the bot behaves in one chat. */
public enum ChatMode {
    /** Answer only messages that address the bot. */
    MENTION,
    /** Answer every question the knowledge answers confidently, addressed or not. */
    AUTO,
    /** Stay silent. */
    OFF;

    /** Reads {@code mention}, {@code auto} or {@code off}; names the bad value otherwise. */
    public static ChatMode fromWireName(String name) {
        for (ChatMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("chat mode must be mention, auto or off: " + name);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
