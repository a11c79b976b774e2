package io.qabot.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A message the bot posts outside a request/response exchange: a <em>reply</em>, such as a
 * maintainer's answer delivered later to the askers of an escalation, or a <em>post</em> that
 * replies to nothing, such as an announcement in the maintainers' chat ({@link #post}).
 *
 * @param thread         the thread to post into, or null for the chat itself
 * @param inReplyTo      the platform's id of the message it answers, or null for a post that
 *                       replies to nothing; never a made-up id, since senders hand it to the
 *                       platform's reply API. Read it through {@link #replyTo()}
 * @param addressee      whom to mention; required for a reply, null for a post that
 *                       addresses no one in particular
 * @param text           already rendered in the platform's dialect
 * @param idempotencyKey the same for every attempt to deliver this message, or null: senders
 *                       that can pass it on (a header, a platform's dedup field) let the
 *                       receiving side drop a resend after a crash between send and record
 * @param replyId        qabot's {@code reply_id} for an answer members can flag (a maintainer's
 *                       answer delivered to an asker), or null: the generic webhook's callback carries it
 */
public record OutboundMessage(Platform platform, String chat, String thread, String inReplyTo,
                              Sender addressee, String text, Author author, String idempotencyKey,
                              String replyId) {
    public OutboundMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chat, "chat");
        if (inReplyTo != null) {
            if (inReplyTo.isBlank()) {
                throw new IllegalArgumentException("inReplyTo must be a message id or null, not blank");
            }
            Objects.requireNonNull(addressee, "addressee (a reply answers someone)");
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
    }

    public OutboundMessage(Platform platform, String chat, String thread, String inReplyTo,
                           Sender addressee, String text, Author author, String idempotencyKey) {
        this(platform, chat, thread, inReplyTo, addressee, text, author, idempotencyKey, null);
    }

    public OutboundMessage(Platform platform, String chat, String thread, String inReplyTo,
                           Sender addressee, String text, Author author) {
        this(platform, chat, thread, inReplyTo, addressee, text, author, null, null);
    }

    /**
     * A message that replies to nothing and mentions no one, posted plainly into {@code chat}
     * (into {@code thread} when not null): announcements, summaries, notices.
     */
    public static OutboundMessage post(Platform platform, String chat, String thread, String text, Author author,
                                       String idempotencyKey) {
        return new OutboundMessage(platform, chat, thread, null, null, text, author, idempotencyKey);
    }

    /** The platform message this answers; empty for a {@linkplain #post post}. */
    public Optional<String> replyTo() {
        return Optional.ofNullable(inReplyTo);
    }

    /** Whom to mention; empty for a post that addresses no one. */
    public Optional<Sender> mention() {
        return Optional.ofNullable(addressee);
    }

    /** Whether this replies to nothing: senders post it plainly into the chat. */
    public boolean isPost() {
        return inReplyTo == null;
    }

    public OutboundMessage withIdempotencyKey(String key) {
        return new OutboundMessage(platform, chat, thread, inReplyTo, addressee, text, author, key, replyId);
    }

    /** This message as the answer members know by {@code id} (its {@code reply_id}). */
    public OutboundMessage withReplyId(String id) {
        return new OutboundMessage(platform, chat, thread, inReplyTo, addressee, text, author, idempotencyKey, id);
    }

    /** Whose words the message carries. */
    public enum Author {
        BOT, MAINTAINER;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
