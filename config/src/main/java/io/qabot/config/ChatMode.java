package io.qabot.config;

/** When the bot speaks in a chat. */
public enum ChatMode {
    /** Only when someone mentions the bot (or writes to it directly). The default. */
    MENTION,
    /** Whenever a message is a question the knowledge answers confidently. */
    AUTO,
    /** Never; the bot stays silent in this chat. */
    OFF
}
