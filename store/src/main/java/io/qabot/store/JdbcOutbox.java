package io.qabot.store;

import io.qabot.core.MaintainerAnswer;
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
                                return new PendingDelivery(delivery, row.getString("question"), answer);
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
    public boolean sent(long deliveryId, String owner, Instant at) {
        return sql.autoCommit(c -> Sql.update(c, "UPDATE delivery SET state = 'sent', delivered_at = ?, "
                + "attempts = attempts + 1, lease_owner = NULL, lease_until = NULL, last_error = NULL "
                + "WHERE id = ? AND lease_owner = ?", at, deliveryId, owner) == 1);
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
