package io.qabot.core;

import java.util.Objects;

/**
 * A message the bot posts outside a request/response exchange, such as a maintainer's answer
 * delivered later to the askers of an escalation.
 *
 * @param thread         the thread to post into, or null for the chat itself
 * @param inReplyTo      the message id it answers
 * @param text           already rendered in the platform's dialect
 * @param idempotencyKey the same for every attempt to deliver this message, or null: senders
 *                       that can pass it on (a header, a platform's dedup field) let the
 *                       receiving side drop a resend after a crash between send and record
 */
public record OutboundMessage(Platform platform, String chat, String thread, String inReplyTo,
                              Sender addressee, String text, Author author, String idempotencyKey) {
    public OutboundMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(addressee, "addressee");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
    }

    public OutboundMessage(Platform platform, String chat, String thread, String inReplyTo,
                           Sender addressee, String text, Author author) {
        this(platform, chat, thread, inReplyTo, addressee, text, author, null);
    }

    public OutboundMessage withIdempotencyKey(String key) {
        return new OutboundMessage(platform, chat, thread, inReplyTo, addressee, text, author, key);
    }

    /** Whose words the message carries. */
    public enum Author {
        BOT, MAINTAINER;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
