package io.qabot.core.desk;

import io.qabot.knowledge.Decision;
import io.qabot.core.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * One message the bot matched, as {@code qabot stats} counts it.
 *
 * @param decision what the bot did: answered it, escalated it, or ignored it as no question
 * @param topic    what groups askings of the same question: {@code item:<knowledge item id>} for an
 *                 answered one, {@code escalation:<id>} for an escalated one, empty for an ignored one
 */
public record AskedQuestion(Instant asked, Platform platform, String question, Decision decision, String topic) {
    public AskedQuestion {
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(topic, "topic");
    }

    /** A message that was no question: counted, its text not kept. */
    public static AskedQuestion ignored(Instant asked, Platform platform) {
        return new AskedQuestion(asked, platform, "", Decision.IGNORE, "");
    }
}
