package io.qabot.core.desk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How the bot did since {@code since}: how many questions it matched, how many it answered, how
 * many of those it escalated a maintainer has answered since, the most-asked questions, and the
 * most-asked ones nobody has answered (the knowledge's gaps).
 */
public record QuestionStats(Instant since, long asked, long answered, long answeredLater, List<Topic> top,
                            List<Topic> gaps) {
    public QuestionStats {
        Objects.requireNonNull(since, "since");
        top = List.copyOf(top);
        gaps = List.copyOf(gaps);
    }

    /** Answered / asked; 0 when nothing was asked. */
    public double answerRate() {
        return asked == 0 ? 0 : (double) answered / asked;
    }

    /**
     * One question however often and however worded it was asked: an example wording and the
     * count; answered by the bot or, since, by a maintainer.
     */
    public record Topic(String topic, String question, long count, boolean answered) {
        public Topic {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(question, "question");
        }
    }
}
