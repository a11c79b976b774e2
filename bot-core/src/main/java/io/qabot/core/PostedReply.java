package io.qabot.core;

import java.util.Objects;

/** One of the bot's replies as a chat shows it: its {@code reply_id}, and the chat and thread it went into. */
public record PostedReply(String replyId, String chat, String thread) {
    public PostedReply {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(chat, "chat");
    }
}
