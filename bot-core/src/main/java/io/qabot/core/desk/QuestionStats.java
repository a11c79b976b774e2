package io.qabot.core.desk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How the bot did since {@code since}: how many questions it matched, how many it answered, how
 * many of those it escalated a maintainer has answered since, the most-asked questions, the
 * most-asked ones nobody has answered (the knowledge's gaps), and per week how many answers
 * members flagged as wrong or found helpful.
 */
public record QuestionStats(Instant since, long asked, long answered, long answeredLater, List<Topic> top,
                            List<Topic> gaps, List<FeedbackWeek> feedback) {
    public QuestionStats {
        Objects.requireNonNull(since, "since");
        top = List.copyOf(top);
        gaps = List.copyOf(gaps);
        feedback = List.copyOf(feedback);
    }

    /** The figures without the members' feedback. */
    public QuestionStats(Instant since, long asked, long answered, long answeredLater, List<Topic> top,
                         List<Topic> gaps) {
        this(since, asked, answered, answeredLater, top, gaps, List.of());
    }

    /** The figures without later answers and feedback. */
    public QuestionStats(Instant since, long asked, long answered, List<Topic> top, List<Topic> gaps) {
        this(since, asked, answered, 0, top, gaps, List.of());
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
