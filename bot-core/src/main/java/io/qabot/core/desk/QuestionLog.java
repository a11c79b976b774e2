package io.qabot.core.desk;

import java.time.Instant;
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
}
