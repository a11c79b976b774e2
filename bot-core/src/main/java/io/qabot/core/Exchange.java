package io.qabot.core;

import io.qabot.knowledge.Match;
import java.util.Objects;

/**
 * A message on its way through the stages, with what earlier stages learned about it.
 *
 * @param verdict the matcher's, null until the match stage has run
 */
record Exchange(ChatMessage message, Match verdict) {
    Exchange {
        Objects.requireNonNull(message, "message");
    }

    static Exchange of(ChatMessage message) {
        return new Exchange(message, null);
    }

    Exchange withVerdict(Match match) {
        return new Exchange(message, match);
    }

    Match requireVerdict(String stage) {
        if (verdict == null) {
            throw new IllegalStateException(stage + " must come after the match stage");
        }
        return verdict;
    }
}
