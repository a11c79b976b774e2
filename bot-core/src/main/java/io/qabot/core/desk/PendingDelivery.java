package io.qabot.core.desk;

import io.qabot.core.MaintainerAnswer;
import java.util.Objects;

/**
 * A delivery leased to one worker: what to send and to whom.
 *
 * @param replyId qabot's {@code reply_id} for this asker's copy of the answer, the same on every
 *                attempt; once sent, members flag it by this id like any answer of the bot's
 */
public record PendingDelivery(Delivery delivery, String question, MaintainerAnswer answer, String replyId) {
    public PendingDelivery {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(replyId, "replyId");
    }
}
