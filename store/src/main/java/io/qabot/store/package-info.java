/**
 * The durable side of the maintainers' loop: bot-core's {@link io.qabot.core.desk.EscalationStore},
 * {@link io.qabot.core.desk.Outbox} and {@link io.qabot.core.desk.LearnedAnswers} on JDBC.
 *
 * <p>One schema, migrated by Flyway from {@code db/migration}, and one set of SQL statements
 * serve both databases: H2 (embedded, a file under {@code QABOT_DATA_DIR}, in its PostgreSQL
 * mode) by default, and PostgreSQL when {@code QABOT_DATABASE_URL} names one, which is what
 * several instances share. H2 rather than SQLite because it is pure Java (no native library
 * to match to the machine), takes row locks ({@code SELECT … FOR UPDATE}) and concurrent
 * writers the way PostgreSQL does, and speaks enough of PostgreSQL's dialect that the
 * statements here need no second version.
 *
 * <p>{@link io.qabot.store.Store} opens the database and hands out the three ports.
 */
package io.qabot.store;
