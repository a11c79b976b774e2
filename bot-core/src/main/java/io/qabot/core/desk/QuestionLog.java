package io.qabot.core.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The record of questions asked, for {@code qabot stats}; written in batches off the message path. */
public interface QuestionLog {

    void record(List<AskedQuestion> questions);

    /** The figures for questions asked at or after {@code since}; {@code limit} topics in each list. */
    QuestionStats stats(Instant since, int limit);

    /**
     * Deletes up to {@code batch} of the questions asked before {@code cutoff}, oldest first, in one
     * short transaction; returns how many it deleted (fewer than {@code batch}: none older are left).
     */
    int prune(Instant cutoff, int batch);

    /**
     * Each day's messages from {@code since} on, by what the bot did, oldest first; days are
     * {@code zone}'s, and only days with messages are listed.
     */
    default List<DayCount> daily(Instant since, ZoneId zone) {
        return List.of();
    }

    /** One day's messages: answered by the bot, escalated, ignored as no question. */
    record DayCount(LocalDate day, long answered, long escalated, long ignored) {
    }
}
