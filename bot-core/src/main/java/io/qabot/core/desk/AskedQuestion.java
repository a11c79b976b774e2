package io.qabot.core.desk;

import io.qabot.core.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * One question the bot matched, as {@code qabot stats} counts it.
 *
 * @param answered whether the knowledge answered it (false: it was escalated)
 * @param topic    what groups askings of the same question: {@code item:<knowledge item id>} for an
 *                 answered one, {@code escalation:<id>} for an escalated one
 */
public record AskedQuestion(Instant asked, Platform platform, String question, boolean answered, String topic) {
    public AskedQuestion {
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(topic, "topic");
    }
}
