package io.qabot.core;

import java.util.Locale;

/** What a member said about an answer: 👎 or "不对" (wrong), 👍 (helpful). */
public enum FlagKind {
    WRONG, HELPFUL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FlagKind fromWireName(String name) {
        for (FlagKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown flag kind: " + name);
    }
}
