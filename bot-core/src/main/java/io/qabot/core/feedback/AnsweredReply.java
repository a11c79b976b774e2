package io.qabot.core.feedback;

import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.knowledge.Source;
import java.time.Instant;
import java.util.Objects;

/**
 * A reply the bot posted, remembered so that a member can flag it later: where it went, whom it
 * answered, and what it answered from.
 *
 * @param replyId        qabot's id for the reply ({@code reply_id} on the generic webhook)
 * @param thread         the thread the reply went into, or null
 * @param askerMessageId the platform's id of the question it answered
 * @param question       the question as asked
 * @param itemId         the knowledge item answered from
 * @param answer         the answer's text as the knowledge has it (not the rendered reply)
 * @param confidence     the matcher's confidence
 */
public record AnsweredReply(String replyId, Platform platform, String chat, String thread, Sender asker,
                            String askerMessageId, String question, String itemId, int turnIndex, String answer,
                            Source source, double confidence, Instant answered) {
    public AnsweredReply {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(askerMessageId, "askerMessageId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(answered, "answered");
        thread = thread == null || thread.isBlank() ? null : thread;
    }
}
