package io.qabot.core;

import io.qabot.knowledge.Source;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The bot's answer a member said was wrong, as the maintainers see it beside the escalation it
 * opened: what the bot answered, from which knowledge item and post, how sure it was, and what
 * the maintainers decided about it so far.
 *
 * @param replyId    qabot's id of the reply ({@code reply_id})
 * @param question   the question as the original asker wrote it
 * @param itemId     the knowledge item the answer came from
 * @param answer     the answer's text as the knowledge has it
 * @param confidence the matcher's confidence when it answered
 * @param answered   when the bot answered
 * @param flags      how many members flagged it as wrong
 */
public record FlaggedAnswer(String replyId, String question, String itemId, String answer, Source source,
                            double confidence, Instant answered, int flags, Verdict verdict) {
    public FlaggedAnswer {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * What the maintainers decided: nothing yet (the item is not used for this question in that
     * chat meanwhile), the answer was right, it was wrong for this question, or the item is retired.
     */
    public enum Verdict {
        PENDING, RIGHT, WRONG, RETIRED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Verdict fromWireName(String name) {
            for (Verdict verdict : values()) {
                if (verdict.wireName().equals(name)) {
                    return verdict;
                }
            }
            throw new IllegalArgumentException("unknown verdict: " + name);
        }
    }
}
