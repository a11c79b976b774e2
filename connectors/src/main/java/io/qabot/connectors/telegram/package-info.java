/**
 * Telegram through the Bot API: updates by webhook at {@code POST /hooks/telegram} (checked
 * against {@code X-Telegram-Bot-Api-Secret-Token} in constant time; anything else gets 401)
 * or, where the bot has no public URL, by long polling with
 * {@link io.qabot.connectors.telegram.TelegramPoller}.
 *
 * <p>{@link io.qabot.connectors.telegram.TelegramUpdate} decides whether a group message
 * addresses the bot the way privacy mode does (a mention of its username, a command for it,
 * a reply to it); the bot learns its username with {@code getMe}. Replies go out with
 * {@code sendMessage}, {@code parse_mode=HTML}, as a reply to the asker's message and in
 * their forum topic, through {@link io.qabot.connectors.telegram.TelegramBotApi}.
 */
package io.qabot.connectors.telegram;
