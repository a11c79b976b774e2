package io.qabot.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What became of a flag: recorded (a wrong flag with the escalation it opened or joined, and
 * whether it was the answer's first, which is when the bot says so in the thread), or not
 * recorded: that member already flagged that answer so, or the answer is not one of the bot's in that chat.
 * {@code notice} is what the bot then says in the thread (null: nothing), posted by the connector
 * the flag came through, like any reply.
 */
public record FlagReceipt(boolean recorded, String replyId, OptionalLong escalationId, boolean firstWrong,
                          OutboundMessage notice) {
    public FlagReceipt {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(escalationId, "escalationId");
    }

    /** A receipt with nothing to say (yet). */
    public FlagReceipt(boolean recorded, String replyId, OptionalLong escalationId, boolean firstWrong) {
        this(recorded, replyId, escalationId, firstWrong, null);
    }

    public static FlagReceipt notRecorded(String replyId) {
        return new FlagReceipt(false, replyId, OptionalLong.empty(), false);
    }

    /** This receipt, with {@code notice} to post. */
    public FlagReceipt saying(OutboundMessage notice) {
        return new FlagReceipt(recorded, replyId, escalationId, firstWrong, notice);
    }

    /** What to post about the flag; empty when nothing is to be said. */
    public Optional<OutboundMessage> said() {
        return Optional.ofNullable(notice);
    }
}
