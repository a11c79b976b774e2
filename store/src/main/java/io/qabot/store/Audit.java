package io.qabot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Writes audit records and bumps the knowledge revision, inside the caller's transaction. */
final class Audit {
    private Audit() {
    }

    static void record(Connection c, Instant at, String actor, String action, String subject, String detail)
            throws SQLException {
        Sql.insert(c, "INSERT INTO audit_record (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                at, actor == null ? "" : actor, action, subject, detail);
    }

    /** Tells every instance polling the revision that the live learned answers changed. */
    static void bumpRevision(Connection c) throws SQLException {
        Sql.update(c, "UPDATE knowledge_revision SET revision = revision + 1 WHERE id = 1");
    }
}
