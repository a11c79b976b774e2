package io.qabot.core;

import io.qabot.knowledge.Match;
import java.util.Objects;

/**
 * A message on its way through the stages, with what earlier stages learned about it.
 *
 * @param verdict the matcher's, null until the match stage has run
 * @param cutFrom the length of the message as it was sent when {@link QuestionLengthStage} cut
 *                it, 0 when it was not cut
 */
record Exchange(ChatMessage message, Match verdict, int cutFrom) {
    Exchange {
        Objects.requireNonNull(message, "message");
    }

    static Exchange of(ChatMessage message) {
        return new Exchange(message, null, 0);
    }

    Exchange withVerdict(Match match) {
        return new Exchange(message, match, cutFrom);
    }

    Exchange cut(ChatMessage shorter, int originalLength) {
        return new Exchange(shorter, verdict, originalLength);
    }

    Match requireVerdict(String stage) {
        if (verdict == null) {
            throw new IllegalStateException(stage + " must come after the match stage");
        }
        return verdict;
    }
}
