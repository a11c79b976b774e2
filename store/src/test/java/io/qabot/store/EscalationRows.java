package io.qabot.store;

import io.qabot.core.Asker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Escalations written straight into the tables with their askers, in one JDBC batch each: a queue
 * of hundreds of askers per question in seconds, where joining them through {@code enqueue} would
 * take the matcher minutes. The asker count is kept as adding each asker through the store keeps it.
 */
final class EscalationRows {
    private EscalationRows() {
    }

    /** Inserts one escalation and the askers {@code askers} gives for its id; returns the id. */
    static long insert(Connection c, String question, String status, Instant created, LongFunction<List<Asker>> askers)
            throws SQLException {
        long id;
        try (PreparedStatement escalation = c.prepareStatement(
                "INSERT INTO escalation (question, status, created_at) VALUES (?, ?, ?)", new String[] {"id"})) {
            escalation.setString(1, question);
            escalation.setString(2, status);
            escalation.setObject(3, OffsetDateTime.ofInstant(created, ZoneOffset.UTC));
            escalation.executeUpdate();
            try (ResultSet keys = escalation.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        List<Asker> rows = askers.apply(id);
        try (PreparedStatement asker = c.prepareStatement("INSERT INTO asker (escalation_id, platform, chat, "
                + "thread, user_id, user_name, message_id, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement counted = c.prepareStatement("UPDATE escalation SET asker_count = ? WHERE id = ?")) {
            for (Asker a : rows) {
                asker.setLong(1, id);
                asker.setString(2, a.platform().wireName());
                asker.setString(3, a.chat());
                asker.setString(4, a.thread());
                asker.setString(5, a.user().id());
                asker.setString(6, a.user().name());
                asker.setString(7, a.messageId());
                asker.setObject(8, OffsetDateTime.ofInstant(a.asked(), ZoneOffset.UTC));
                asker.addBatch();
            }
            asker.executeBatch();
            counted.setInt(1, rows.size());
            counted.setLong(2, id);
            counted.executeUpdate();
        }
        return id;
    }
}
