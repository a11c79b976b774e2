package io.qabot.store;

import io.qabot.core.Asker;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.ReplyWriter;
import io.qabot.core.desk.LearnedAnswer;
import io.qabot.core.feedback.AnsweredReply;
import io.qabot.knowledge.KnowledgeItem;
import java.sql.Connection;
import java.sql.SQLException;
import io.qabot.core.desk.Delivery;
import io.qabot.core.desk.Outbox;
import io.qabot.core.desk.PendingDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox table. A lease is taken row by row with a conditional update, which both
 * databases make atomic under read committed: of two workers, one moves the row and the
 * other sees zero rows changed.
 */
final class JdbcOutbox implements Outbox {
    /** A maintainer's answer is not a match: it is given as certain, as the learned item it became is. */
    static final double MAINTAINER_CONFIDENCE = 1.0;
    private final Sql sql;

    JdbcOutbox(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<PendingDelivery> lease(String owner, Instant now, Duration leaseFor, int max) {
        return sql.autoCommit(c -> {
            List<Long> due = Sql.query(c, "SELECT id FROM delivery WHERE state = 'pending' AND next_attempt_at <= ? "
                            + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, id LIMIT ?",
                    row -> row.getLong(1), now, now, max);
            List<PendingDelivery> leased = new ArrayList<>();
            for (long id : due) {
                int moved = Sql.update(c, "UPDATE delivery SET lease_owner = ?, lease_until = ? WHERE id = ? "
                                + "AND state = 'pending' AND (lease_until IS NULL OR lease_until < ?)",
                        owner, now.plus(leaseFor), id, now);
                if (moved == 1) {
                    leased.addAll(Sql.query(c, "SELECT d.*, " + JdbcEscalationStore.ASKER_COLUMNS
                            + ", e.question, e.answer, e.links, e.answered_by FROM delivery d "
                            + "JOIN asker a ON a.id = d.asker_id JOIN escalation e ON e.id = d.escalation_id "
                            + "WHERE d.id = ?", row -> {
                                Delivery delivery = JdbcEscalationStore.delivery(row);
                                MaintainerAnswer answer = new MaintainerAnswer(row.getString("answer"),
                                        Sql.links(row.getString("links")), row.getString("answered_by"));
                                return new PendingDelivery(delivery, row.getString("question"), answer,
                                        row.getString("reply_id"));
                            }, id));
                }
            }
            return leased;
        });
    }

    /** Ends every lease; only for a database no other process can be using. */
    int releaseAll() {
        return sql.autoCommit(c -> Sql.update(c, "UPDATE delivery SET lease_owner = NULL, lease_until = NULL "
                + "WHERE state = 'pending' AND lease_owner IS NOT NULL"));
    }

    @Override
    public boolean sent(long deliveryId, String owner, Instant at, Optional<String> postId) {
        return sql.transaction(c -> {
            if (Sql.update(c, "UPDATE delivery SET state = 'sent', delivered_at = ?, "
                    + "attempts = attempts + 1, lease_owner = NULL, lease_until = NULL, last_error = NULL "
                    + "WHERE id = ? AND lease_owner = ?", at, deliveryId, owner) != 1) {
                return false;
            }
            Optional<AnsweredReply> reply = answeredReply(c, deliveryId, at);
            if (reply.isPresent()) {
                JdbcFeedbackStore.insert(c, reply.get(), deliveryId, postId.orElse(null));
            }
            return true;
        });
    }

    /**
     * The delivery as the answered reply members flag: its asker, the escalation's question and the
     * answer as sent, from the learned item the answer became (so a "wrong" verdict is a negative
     * pair for that item). Empty when no learned answer came of it.
     */
    private static Optional<AnsweredReply> answeredReply(Connection c, long deliveryId, Instant at) throws SQLException {
        record Sent(String replyId, Asker asker, long escalationId, String question, String answer) {
        }
        Sent sent = Sql.query(c, "SELECT d.reply_id, d.escalation_id, " + JdbcEscalationStore.ASKER_COLUMNS
                        + ", e.question, e.answer FROM delivery d JOIN asker a ON a.id = d.asker_id "
                        + "JOIN escalation e ON e.id = d.escalation_id WHERE d.id = ?",
                row -> new Sent(row.getString("reply_id"), JdbcEscalationStore.asker(row), row.getLong("escalation_id"),
                        row.getString("question"), row.getString("answer")), deliveryId).get(0);
        Optional<LearnedAnswer> learned = Sql.query(c, "SELECT * FROM learned_answer WHERE escalation_id = ? "
                + "ORDER BY id DESC LIMIT 1", JdbcLearnedAnswers::row, sent.escalationId()).stream().findFirst();
        if (learned.isEmpty() || sent.answer() == null) {
            return Optional.empty();
        }
        KnowledgeItem item = learned.get().toKnowledgeItem();
        Asker asker = sent.asker();
        // the thread the answer went into, as ReplyWriter put it there
        return Optional.of(new AnsweredReply(sent.replyId(), asker.platform(), asker.chat(),
                ReplyWriter.threadOn(asker.platform(), asker.thread()), asker.user(), asker.messageId(),
                sent.question(), item.id(), 0, sent.answer(), item.source(), MAINTAINER_CONFIDENCE, at));
    }

    @Override
    public boolean failed(long deliveryId, String owner, String error, Optional<Instant> retryAt) {
        String trimmed = error == null ? "" : error.length() > 2000 ? error.substring(0, 2000) : error;
        return sql.autoCommit(c -> retryAt.isPresent()
                ? Sql.update(c, "UPDATE delivery SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
                        + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                        trimmed, retryAt.get(), deliveryId, owner) == 1
                : Sql.update(c, "UPDATE delivery SET state = 'failed', attempts = attempts + 1, last_error = ?, "
                        + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                        trimmed, deliveryId, owner) == 1);
    }
}
