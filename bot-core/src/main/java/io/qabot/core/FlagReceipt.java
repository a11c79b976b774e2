package io.qabot.core;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What became of a flag: recorded (a wrong flag with the escalation it opened or joined, and
 * whether it was the answer's first, which is when the bot says so in the thread), or not
 * recorded because that member already flagged that answer so.
 */
public record FlagReceipt(boolean recorded, String replyId, OptionalLong escalationId, boolean firstWrong) {
    public FlagReceipt {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(escalationId, "escalationId");
    }

    public static FlagReceipt duplicate(String replyId) {
        return new FlagReceipt(false, replyId, OptionalLong.empty(), false);
    }
}
