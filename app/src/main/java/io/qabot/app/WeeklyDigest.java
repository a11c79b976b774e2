package io.qabot.app;

import io.qabot.core.desk.LearnedAnswer;
import io.qabot.core.desk.LearnedAnswers;
import io.qabot.core.desk.QuestionLog;
import io.qabot.core.desk.QuestionStats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The weekly digest from a store: what maintainers answered between two days (in the
 * escalation time zone), and, when asked for, the most-asked questions nobody has answered yet.
 * One place for {@code qabot digest} and the dashboard's Digest tab, so both print the same.
 */
final class WeeklyDigest {
    /** How many of the most-asked unanswered questions are appended. */
    static final int UNANSWERED = 10;

    private final LearnedAnswers learned;
    private final QuestionLog questions;
    private final ZoneId zone;

    WeeklyDigest(LearnedAnswers learned, QuestionLog questions, ZoneId zone) {
        this.learned = learned;
        this.questions = questions;
        this.zone = zone;
    }

    /** A written digest: how many answers and unanswered questions it holds, and its markdown. */
    record Written(int answered, int unanswered, String markdown) {
    }

    /** @param until the last day included; empty: up to now */
    Written write(LocalDate since, Optional<LocalDate> until, boolean withUnanswered) {
        Instant from = since.atStartOfDay(zone).toInstant();
        Optional<Instant> to = until.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
        List<LearnedAnswer> answers = learned.answeredSince(from).stream()
                .filter(a -> to.isEmpty() || a.answered().isBefore(to.get()))
                .toList();
        String markdown = WeeklyDigestWriter.section(answers);
        List<QuestionStats.Topic> open = List.of();
        if (withUnanswered) {
            open = questions.stats(from, UNANSWERED).gaps();
            markdown += WeeklyDigestWriter.unanswered(open);
        }
        return new Written(answers.size(), open.size(), markdown);
    }

    /** {@code text} as a day like 2026-11-01, or a usage error naming {@code option}. */
    static LocalDate day(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(option + " " + text + " is not a date like 2026-11-01");
        }
    }
}
