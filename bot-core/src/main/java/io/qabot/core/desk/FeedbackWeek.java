package io.qabot.core.desk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * One week of the field's verdict on the bot's answers: how many it gave, how many of those members
 * flagged as wrong, how many they marked helpful. {@code flagged / answers} is the field's estimate of
 * how often the bot is wrong (one minus its precision).
 *
 * @param week the Monday the week starts on, in UTC (see {@link #weekOf})
 */
public record FeedbackWeek(LocalDate week, long answers, long flagged, long helpful) {
    public FeedbackWeek {
        Objects.requireNonNull(week, "week");
    }

    /**
     * The week {@code answered} falls in: the Monday it starts on, in UTC. The one place a week is
     * computed, so {@code qabot stats}, {@code /api/v1/stats} and {@code /api/v1/feedback} count the
     * same weeks whatever {@code escalation.timeZone} says (stats take no time zone; the days of the
     * chart and of {@code --since} are the zone's).
     */
    public static LocalDate weekOf(Instant answered) {
        return answered.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Flagged / answers; 0 for a week without answers. */
    public double flagRate() {
        return answers == 0 ? 0 : (double) flagged / answers;
    }
}
