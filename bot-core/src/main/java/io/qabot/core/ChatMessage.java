package io.qabot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One message seen in a chat, translated from a platform's payload by its connector.
 *
 * @param platform  where it was posted
 * @param chat      the group/channel id on that platform
 * @param thread    the thread it belongs to, or null where the platform has none or it is top-level
 * @param messageId the platform's delivery id: redeliveries carry the same one
 * @param sender    the asker
 * @param text      what they wrote, with the bot's own mention already removed
 * @param mentioned whether the message addressed the bot
 * @param time      when the platform says it was sent
 * @param replyTo   the message this one replies to or quotes, as the platform names it (a
 *                  Telegram reply's message id, a Discord reference, a Feishu parent, the
 *                  generic webhook's {@code reply_to}), or null: lets a member's "wrong" name
 *                  the bot's answer it is about
 */
public record ChatMessage(Platform platform, String chat, String thread, String messageId,
                          Sender sender, String text, boolean mentioned, Instant time, String replyTo) {
    public ChatMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(time, "time");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId must not be blank");
        }
        thread = thread == null || thread.isBlank() ? null : thread;
        replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo;
    }

    /** A message that replies to nothing in particular. */
    public ChatMessage(Platform platform, String chat, String thread, String messageId,
                       Sender sender, String text, boolean mentioned, Instant time) {
        this(platform, chat, thread, messageId, sender, text, mentioned, time, null);
    }
}
