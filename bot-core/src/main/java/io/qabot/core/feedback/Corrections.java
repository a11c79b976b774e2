package io.qabot.core.feedback;

import io.qabot.core.Platform;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the maintainers ruled out, as one immutable view: retired items (never used), negative
 * pairs (an item not used for a question and its close paraphrases, anywhere), and flags not
 * decided yet (the flagged item not used for that question in that chat meanwhile).
 *
 * @param revision the store's feedback revision the view was read at
 */
public record Corrections(long revision, Set<String> retired, List<Avoided> avoided, List<Pending> pending) {
    public static final Corrections NONE = new Corrections(Long.MIN_VALUE, Set.of(), List.of(), List.of());

    public Corrections {
        retired = Set.copyOf(retired);
        avoided = List.copyOf(avoided);
        pending = List.copyOf(pending);
    }

    /** A negative pair: {@code itemId} does not answer {@code question}. */
    public record Avoided(long id, String itemId, String question) {
        public Avoided {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(question, "question");
        }
    }

    /** A flag the maintainers have not decided on: {@code itemId} is not used for {@code question} in that chat. */
    public record Pending(long id, Platform platform, String chat, String itemId, String question) {
        public Pending {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(question, "question");
        }
    }
}
