package io.qabot.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.core.desk.QuestionLog;
import io.qabot.core.desk.QuestionStats;
import io.qabot.core.desk.FeedbackWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The one JSON shape of the bot's figures, printed by {@code qabot stats} and served by
 * {@code GET /api/v1/stats}, and how both read their {@code since} and {@code top}.
 */
public final class StatsJson {
    private StatsJson() {
    }

    /** The figures with each day's counts (oldest first) for the dashboard's charts. */
    public static ObjectNode of(QuestionStats stats, List<QuestionLog.DayCount> days) {
        ObjectNode json = of(stats);
        ArrayNode array = json.putArray("days");
        for (QuestionLog.DayCount day : days) {
            array.addObject().put("day", day.day().toString()).put("answered", day.answered())
                    .put("escalated", day.escalated()).put("ignored", day.ignored());
        }
        return json;
    }

    /** The figures as one object: counts, answer rate, the most-asked questions, the gaps and the feedback per week. */
    public static ObjectNode of(QuestionStats stats) {
        ObjectNode json = EscalationJson.JSON.createObjectNode();
        json.put("since", stats.since().toString());
        json.put("questions", stats.asked());
        json.put("answered", stats.answered());
        json.put("escalated", stats.asked() - stats.answered());
        json.put("answeredLater", stats.answeredLater());
        json.put("answerRate", Math.round(stats.answerRate() * 1000) / 1000.0);
        topics(json.putArray("top"), stats.top());
        topics(json.putArray("gaps"), stats.gaps());
        json.set("feedback", feedback(stats.feedback()));
        return json;
    }

    /**
     * The field's verdict per week: answers given, flagged as wrong, marked helpful, and the flag rate
     * (flagged / answers, the field's estimate of how often the bot is wrong), with the totals.
     */
    public static ObjectNode feedback(List<FeedbackWeek> weeks) {
        ObjectNode json = EscalationJson.JSON.createObjectNode();
        long answers = weeks.stream().mapToLong(FeedbackWeek::answers).sum();
        long flagged = weeks.stream().mapToLong(FeedbackWeek::flagged).sum();
        json.put("answers", answers);
        json.put("flagged", flagged);
        json.put("helpful", weeks.stream().mapToLong(FeedbackWeek::helpful).sum());
        json.put("flagRate", answers == 0 ? 0 : Math.round(1000.0 * flagged / answers) / 1000.0);
        ArrayNode array = json.putArray("weeks");
        for (FeedbackWeek week : weeks) {
            array.addObject().put("week", week.week().toString()).put("answers", week.answers())
                    .put("flagged", week.flagged()).put("helpful", week.helpful())
                    .put("flagRate", Math.round(week.flagRate() * 1000) / 1000.0);
        }
        return json;
    }

    /**
     * The start of {@code text}, a date like 2026-11-01, in {@code zone}; the beginning of time when null.
     *
     * @throws IllegalArgumentException naming the text when it is not such a date
     */
    public static Instant since(String text, ZoneId zone) {
        if (text == null) {
            return Instant.EPOCH;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(text + " is not a date like 2026-11-01");
        }
    }

    /** The days charted: from {@code since}, but no more than {@link #CHART_DAYS} back from today. */
    public static Instant chartFrom(Instant since, java.time.Clock clock, ZoneId zone) {
        Instant earliest = LocalDate.now(clock.withZone(zone)).minusDays(CHART_DAYS - 1).atStartOfDay(zone).toInstant();
        return since.isAfter(earliest) ? since : earliest;
    }

    /** How many days the charts show at most. */
    public static final int CHART_DAYS = 60;

    /**
     * How many topics each list holds: {@code text} from 1 to 1000, or 10 when null.
     *
     * @throws IllegalArgumentException naming the text when it is not such a number
     */
    public static int top(String text) {
        if (text == null) {
            return 10;
        }
        try {
            int top = Integer.parseInt(text);
            if (top >= 1 && top <= 1000) {
                return top;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(text + " is not a number from 1 to 1000");
    }

    private static void topics(ArrayNode array, List<QuestionStats.Topic> topics) {
        for (QuestionStats.Topic topic : topics) {
            array.addObject().put("question", topic.question()).put("count", topic.count())
                    .put("answered", topic.answered()).put("topic", topic.topic());
        }
    }
}
