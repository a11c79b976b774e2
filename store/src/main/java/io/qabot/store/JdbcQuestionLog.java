package io.qabot.store;

import io.qabot.core.desk.AskedQuestion;
import io.qabot.core.desk.QuestionLog;
import io.qabot.core.desk.QuestionStats;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Asked questions in the database; one batch per transaction. */
final class JdbcQuestionLog implements QuestionLog {
    private final Sql sql;
    private final JdbcFeedbackStore feedback;

    JdbcQuestionLog(Sql sql, JdbcFeedbackStore feedback) {
        this.sql = sql;
        this.feedback = feedback;
    }

    @Override
    public void record(List<AskedQuestion> questions) {
        if (questions.isEmpty()) {
            return;
        }
        sql.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO asked_question "
                    + "(asked_at, platform, question, decision, topic) VALUES (?, ?, ?, ?, ?)")) {
                for (AskedQuestion asked : questions) {
                    insert.setObject(1, OffsetDateTime.ofInstant(asked.asked(), ZoneOffset.UTC));
                    insert.setString(2, asked.platform().wireName());
                    insert.setString(3, asked.question());
                    insert.setString(4, asked.answered() ? "answer" : "escalate");
                    insert.setString(5, asked.topic());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public QuestionStats stats(Instant since, int limit) {
        return sql.autoCommit(c -> {
            long[] counts = Sql.query(c, "SELECT COUNT(*) AS asked, "
                    + "COALESCE(SUM(CASE WHEN decision = 'answer' THEN 1 ELSE 0 END), 0) AS answered "
                    + "FROM asked_question WHERE asked_at >= ?", row -> new long[] {row.getLong("asked"),
                    row.getLong("answered")}, since).get(0);
            String topics = "SELECT topic, MIN(question) AS question, COUNT(*) AS n, MAX(decision) AS decision "
                    + "FROM asked_question WHERE asked_at >= ? %s GROUP BY topic ORDER BY n DESC, topic LIMIT ?";
            Sql.RowMapper<QuestionStats.Topic> topic = row -> new QuestionStats.Topic(row.getString("topic"),
                    row.getString("question"), row.getLong("n"), "answer".equals(row.getString("decision")));
            List<QuestionStats.Topic> top = Sql.query(c, String.format(topics, ""), topic, since, limit);
            List<QuestionStats.Topic> gaps = Sql.query(c, String.format(topics, "AND decision = 'escalate'"), topic,
                    since, limit);
            return new QuestionStats(since, counts[0], counts[1], top, gaps,
                    // weeks start on Monday in UTC: stats take no time zone
                    feedback.weekly(since, ZoneOffset.UTC));
        });
    }
}
