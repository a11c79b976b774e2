package io.qabot.core.desk;

import java.time.Instant;
import java.util.List;

/** The record of questions asked, for {@code qabot stats}; written in batches off the message path. */
public interface QuestionLog {

    void record(List<AskedQuestion> questions);

    /** The figures for questions asked at or after {@code since}; {@code limit} topics in each list. */
    QuestionStats stats(Instant since, int limit);
}
