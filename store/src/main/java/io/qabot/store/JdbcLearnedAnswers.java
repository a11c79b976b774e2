package io.qabot.store;

import io.qabot.core.MaintainerAnswer;
import io.qabot.core.desk.AuditRecord;
import io.qabot.core.desk.LearnedAnswer;
import io.qabot.core.desk.LearnedAnswers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Learned answers and the audit trail; every change bumps the knowledge revision in its own transaction. */
final class JdbcLearnedAnswers implements LearnedAnswers {
    private final Sql sql;
    private final Clock clock;

    JdbcLearnedAnswers(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public List<LearnedAnswer> learned(boolean withRetracted) {
        return sql.autoCommit(c -> Sql.query(c, "SELECT * FROM learned_answer"
                + (withRetracted ? "" : " WHERE retracted = FALSE") + " ORDER BY id", JdbcLearnedAnswers::row));
    }

    @Override
    public List<LearnedAnswer> answeredSince(Instant since) {
        return sql.autoCommit(c -> Sql.query(c, "SELECT * FROM learned_answer WHERE retracted = FALSE "
                + "AND answered_at >= ? ORDER BY answered_at, id", JdbcLearnedAnswers::row, since));
    }

    @Override
    public Optional<LearnedAnswer> edit(long id, String question, MaintainerAnswer answer) {
        return sql.transaction(c -> {
            Optional<LearnedAnswer> live = lockLive(c, id);
            if (live.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            String newQuestion = question == null ? live.get().question() : question;
            Sql.update(c, "UPDATE learned_answer SET question = ?, answer = ?, links = ?, updated_at = ? WHERE id = ?",
                    newQuestion, answer.answer(), Sql.links(answer.links()), now, id);
            Audit.record(c, now, answer.maintainer(), "edit", "learned/" + id,
                    newQuestion + "\n" + answer.answer() + (answer.links().isEmpty() ? "" : "\n" + Sql.links(answer.links())));
            Audit.bumpRevision(c);
            return find(c, id);
        });
    }

    @Override
    public Optional<LearnedAnswer> retract(long id, String maintainer) {
        return sql.transaction(c -> {
            if (lockLive(c, id).isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE learned_answer SET retracted = TRUE, updated_at = ? WHERE id = ?", now, id);
            Audit.record(c, now, maintainer, "retract", "learned/" + id, null);
            Audit.bumpRevision(c);
            return find(c, id);
        });
    }

    @Override
    public long revision() {
        return sql.autoCommit(c -> Sql.query(c, "SELECT revision FROM knowledge_revision WHERE id = 1",
                row -> row.getLong(1)).get(0));
    }

    @Override
    public List<AuditRecord> audit(int limit) {
        return sql.autoCommit(c -> Sql.query(c, "SELECT * FROM audit_record ORDER BY id DESC LIMIT ?",
                row -> new AuditRecord(row.getLong("id"), Sql.instant(row, "at"), row.getString("actor"),
                        row.getString("action"), row.getString("subject"), row.getString("detail")), limit));
    }

    private static Optional<LearnedAnswer> lockLive(Connection c, long id) throws SQLException {
        return Sql.query(c, "SELECT * FROM learned_answer WHERE id = ? AND retracted = FALSE FOR UPDATE",
                JdbcLearnedAnswers::row, id).stream().findFirst();
    }

    private static Optional<LearnedAnswer> find(Connection c, long id) throws SQLException {
        return Sql.query(c, "SELECT * FROM learned_answer WHERE id = ?", JdbcLearnedAnswers::row, id).stream().findFirst();
    }

    static LearnedAnswer row(ResultSet row) throws SQLException {
        return new LearnedAnswer(row.getLong("id"), row.getLong("escalation_id"), row.getString("question"),
                row.getString("answer"), Sql.links(row.getString("links")), row.getString("maintainer"),
                Sql.instant(row, "answered_at"), Sql.instant(row, "updated_at"), row.getBoolean("retracted"));
    }
}
