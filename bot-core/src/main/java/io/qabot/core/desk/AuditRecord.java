package io.qabot.core.desk;

import java.time.Instant;
import java.util.Objects;

/**
 * One change a maintainer made: {@code action} is {@code claim}, {@code answer}, {@code dismiss},
 * {@code edit} or {@code retract}; {@code subject} names what changed ({@code escalation/42},
 * {@code learned/7}); {@code detail} is the new text where there is one.
 */
public record AuditRecord(long id, Instant at, String actor, String action, String subject, String detail) {
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        detail = detail == null ? "" : detail;
    }
}
