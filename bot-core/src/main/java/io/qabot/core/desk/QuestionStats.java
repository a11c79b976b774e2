package io.qabot.core.desk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How the bot did since {@code since}: how many questions it matched, how many it answered, the
 * most-asked questions, the most-asked ones it could not answer (the knowledge's gaps), and per
 * week how many answers members flagged as wrong or found helpful.
 */
public record QuestionStats(Instant since, long asked, long answered, List<Topic> top, List<Topic> gaps,
                            List<FeedbackWeek> feedback) {
    public QuestionStats {
        Objects.requireNonNull(since, "since");
        top = List.copyOf(top);
        gaps = List.copyOf(gaps);
        feedback = List.copyOf(feedback);
    }

    /** The figures without the members' feedback. */
    public QuestionStats(Instant since, long asked, long answered, List<Topic> top, List<Topic> gaps) {
        this(since, asked, answered, top, gaps, List.of());
    }

    /** Answered / asked; 0 when nothing was asked. */
    public double answerRate() {
        return asked == 0 ? 0 : (double) answered / asked;
    }

    /** One question however often and however worded it was asked: an example wording and the count. */
    public record Topic(String topic, String question, long count, boolean answered) {
        public Topic {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(question, "question");
        }
    }
}
