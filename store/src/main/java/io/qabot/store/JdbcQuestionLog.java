package io.qabot.store;

import io.qabot.core.desk.AskedQuestion;
import io.qabot.core.desk.LearnedAnswer;
import io.qabot.core.desk.QuestionLog;
import io.qabot.core.desk.QuestionStats;
import io.qabot.knowledge.snapshot.QuestionKey;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                    insert.setString(4, asked.decision().wireName());
                    insert.setString(5, asked.topic());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Counts per topic, with two corrections made here rather than at record time (so rows
     * recorded before them read right too): askings answered from a learned answer count under
     * the escalation it came from, so one question is not listed twice (once not answered,
     * once answered); and an escalation a maintainer answered is answered, not a gap. Gaps are
     * the topics nobody answered or dismissed, folded by {@link QuestionKey} (the same letters and
     * digits: case, width, spacing and punctuation do not count).
     */
    @Override
    public int prune(Instant cutoff, int batch) {
        // by id through the time index, in a bounded batch: a long delete would hold its locks
        // (and, in H2, its undo log) for as long as it runs, while the bot keeps recording
        return sql.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM asked_question WHERE id IN "
                    + "(SELECT id FROM asked_question WHERE asked_at < ? ORDER BY asked_at LIMIT ?)")) {
                delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                delete.setInt(2, batch);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public QuestionStats stats(Instant since, int limit) {
        return sql.autoCommit(c -> {
            List<Group> groups = Sql.query(c, "SELECT topic, MIN(question) AS question, COUNT(*) AS n, "
                    + "SUM(CASE WHEN decision = 'answer' THEN 1 ELSE 0 END) AS answered "
                    + "FROM asked_question WHERE asked_at >= ? AND decision <> 'ignore' GROUP BY topic ORDER BY topic", row -> new Group(row.getString("topic"),
                    row.getString("question"), row.getLong("n"), row.getLong("answered")), since);
            Map<String, String> learnedFrom = new HashMap<>();
            for (long[] ids : Sql.query(c, "SELECT id, escalation_id FROM learned_answer",
                    row -> new long[] {row.getLong("id"), row.getLong("escalation_id")})) {
                learnedFrom.put(LEARNED_TOPIC + ids[0], ESCALATION_TOPIC + ids[1]);
            }
            Map<String, String> closed = new HashMap<>();
            for (String[] status : Sql.query(c, "SELECT id, status FROM escalation WHERE status IN ('answered', 'dismissed')",
                    row -> new String[] {ESCALATION_TOPIC + row.getLong("id"), row.getString("status")})) {
                closed.put(status[0], status[1]);
            }
            Map<String, Group> byTopic = new LinkedHashMap<>();
            long asked = 0;
            long answered = 0;
            long answeredLater = 0;
            for (Group group : groups) {
                asked += group.count;
                answered += group.answered;
                if ("answered".equals(closed.get(group.topic))) {
                    answeredLater += group.count - group.answered;
                }
                String topic = learnedFrom.getOrDefault(group.topic, group.topic);
                byTopic.merge(topic, group.as(topic), Group::plus);
            }
            List<QuestionStats.Topic> all = byTopic.values().stream()
                    .map(g -> new QuestionStats.Topic(g.topic, g.question, g.count,
                            g.answered > 0 || "answered".equals(closed.get(g.topic))))
                    .sorted(MOST_ASKED).toList();
            Map<String, QuestionStats.Topic> gaps = new LinkedHashMap<>();
            for (QuestionStats.Topic topic : all) {
                if (!topic.answered() && !closed.containsKey(topic.topic())) {
                    gaps.merge(QuestionKey.of(topic.question()), topic, (a, b) ->
                            new QuestionStats.Topic(a.topic(), a.question(), a.count() + b.count(), false));
                }
            }
            return new QuestionStats(since, asked, answered, answeredLater,
                    all.stream().limit(limit).toList(),
                    gaps.values().stream().sorted(MOST_ASKED).limit(limit).toList(),
                    feedback.weekly(since));
        });
    }

    /**
     * Counted per hour in the database (epoch hours: the same in H2 and PostgreSQL), summed per
     * day of {@code zone} here, so the rows never leave the database one by one. Days of a zone
     * whose offset is not whole hours are off by that part of an hour at their edges.
     */
    @Override
    public List<DayCount> daily(Instant since, ZoneId zone) {
        String hour = "FLOOR(EXTRACT(EPOCH FROM asked_at) / 3600)";
        List<Object[]> hours = sql.autoCommit(c -> Sql.query(c, "SELECT " + hour + " AS epoch_hour, decision, COUNT(*) AS n "
                + "FROM asked_question WHERE asked_at >= ? GROUP BY " + hour + ", decision",
                row -> new Object[] {row.getLong("epoch_hour"), row.getString("decision"), row.getLong("n")}, since));
        java.util.TreeMap<LocalDate, long[]> days = new java.util.TreeMap<>();
        for (Object[] h : hours) {
            LocalDate day = Instant.ofEpochSecond((Long) h[0] * 3600).atZone(zone).toLocalDate();
            long[] counts = days.computeIfAbsent(day, d -> new long[3]);
            int slot = switch ((String) h[1]) {
                case "answer" -> 0;
                case "escalate" -> 1;
                default -> 2;
            };
            counts[slot] += (Long) h[2];
        }
        List<DayCount> out = new java.util.ArrayList<>();
        days.forEach((day, c) -> out.add(new DayCount(day, c[0], c[1], c[2])));
        return out;
    }

    private static final String LEARNED_TOPIC = "item:" + LearnedAnswer.SOURCE_FILE + "#";
    private static final String ESCALATION_TOPIC = "escalation:";
    private static final Comparator<QuestionStats.Topic> MOST_ASKED = Comparator
            .comparingLong(QuestionStats.Topic::count).reversed().thenComparing(QuestionStats.Topic::topic);

    /** One topic's askings: an example wording, how many, and how many of them the bot answered. */
    private record Group(String topic, String question, long count, long answered) {
        Group as(String other) {
            return new Group(other, question, count, answered);
        }

        // the first wording is kept: groups arrive in topic order, so an escalation's own ("escalation:…"
        // sorts before "item:…"), the question the maintainer answered
        Group plus(Group more) {
            return new Group(topic, question, count + more.count, answered + more.answered);
        }
    }
}
