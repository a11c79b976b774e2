package io.qabot.connectors.telegram;

/** Who the bot is on Telegram, from {@code getMe}: mentions and replies are recognised by these. */
record BotIdentity(long id, String username) {
}
