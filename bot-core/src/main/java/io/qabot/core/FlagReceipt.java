package io.qabot.core;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What became of a flag: recorded (a wrong flag with the escalation it opened or joined, and
 * whether it was the answer's first, which is when the bot says so in the thread), or not
 * recorded: that member already flagged that answer so, or the answer is not one of the bot's in that chat.
 */
public record FlagReceipt(boolean recorded, String replyId, OptionalLong escalationId, boolean firstWrong) {
    public FlagReceipt {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(escalationId, "escalationId");
    }

    public static FlagReceipt notRecorded(String replyId) {
        return new FlagReceipt(false, replyId, OptionalLong.empty(), false);
    }
}
