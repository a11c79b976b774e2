package io.qabot.core.desk;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One week of the field's verdict on the bot's answers: how many it gave, how many of those members
 * flagged as wrong, how many they marked helpful. {@code flagged / answers} is the field's estimate of
 * how often the bot is wrong (one minus its precision).
 *
 * @param week the Monday the week starts on
 */
public record FeedbackWeek(LocalDate week, long answers, long flagged, long helpful) {
    public FeedbackWeek {
        Objects.requireNonNull(week, "week");
    }

    /** Flagged / answers; 0 for a week without answers. */
    public double flagRate() {
        return answers == 0 ? 0 : (double) flagged / answers;
    }
}
