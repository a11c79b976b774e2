package io.qabot.core;

import io.qabot.knowledge.Candidate;
import java.util.Objects;

/**
 * A reply ready to post: the text already rendered in the platform's dialect (addressed to
 * the asker, trimmed to the platform's limit), the thread to post it in (null for the chat
 * itself), who it addresses (connectors that mention by metadata, like DingTalk's
 * {@code atUserIds}, need the id), the knowledge turn it came from, and qabot's own id for
 * the reply ({@code reply_id}), by which members flag it later.
 */
public record Reply(String text, String thread, Sender addressee, Candidate answer, String replyId) {
    public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(addressee, "addressee");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(replyId, "replyId");
    }

    /**
     * A new {@code reply_id}: random, not a counter, since several instances share one store and
     * a member must not guess another chat's ids. The bot's answers and maintainers' delivered
     * answers take theirs from here.
     */
    public static String newId() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }
}
