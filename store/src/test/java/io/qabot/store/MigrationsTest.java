package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart skips Flyway only when the schema has exactly the migrations on the classpath: a new
 * migration is still applied, and a history that differs in any way goes to Flyway, which refuses
 * a changed script as it always did. On H2 and on a real PostgreSQL server.
 */
class MigrationsTest {
    @TempDir
    Path dir;

    @Nested
    class OnH2 extends Cases {
        @Override
        String fresh() {
            return Store.embeddedUrl(dir.resolve("data"));
        }
    }

    @Nested
    class OnPostgres extends Cases {
        @Override
        String fresh() {
            return TestDatabases.freshPostgres();
        }
    }

    abstract class Cases {
        private HikariDataSource dataSource;
        private String url;

        abstract String fresh();

        String url() {
            if (url == null) {
                url = fresh();
            }
            return url;
        }

        private HikariDataSource dataSource() {
            if (dataSource == null) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(url());
                config.setMaximumPoolSize(2);
                dataSource = new HikariDataSource(config);
            }
            return dataSource;
        }

        @AfterEach
        void close() {
            if (dataSource != null) {
                dataSource.close();
            }
        }

        @Test
        void theShippedMigrationsAreCurrentAfterOneOpen() {
            assertFalse(Migrations.current(dataSource(), Store.class.getClassLoader(), Migrations.LOCATION));
            Migrations.apply(dataSource(), Store.class.getClassLoader(), Migrations.LOCATION);
            // the checksums computed here are Flyway's, so a restart of this build skips it
            assertTrue(Migrations.current(dataSource(), Store.class.getClassLoader(), Migrations.LOCATION));
        }

        @Test
        void aNewMigrationOnTheClasspathIsStillApplied() throws Exception {
            ClassLoader v1 = scripts("V1__first.sql", "CREATE TABLE first_table (id INT);");
            Migrations.apply(dataSource(), v1, "test/migration");
            assertTrue(Migrations.current(dataSource(), v1, "test/migration"));

            ClassLoader v2 = scripts("V2__second.sql", "CREATE TABLE second_table (id INT);\nINSERT INTO second_table VALUES (7);");
            assertFalse(Migrations.current(dataSource(), v2, "test/migration"));
            Migrations.apply(dataSource(), v2, "test/migration");

            assertEquals(7, count("SELECT id FROM second_table"));
            assertTrue(Migrations.current(dataSource(), v2, "test/migration"));
        }

        @Test
        void scriptsInAJarAreListedToo() throws Exception {
            Path jar = dir.resolve("migrations.jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new JarEntry("test/migration/")); // as the runnable jar has it
                out.putNextEntry(new JarEntry("test/migration/V1__first.sql"));
                out.write("CREATE TABLE first_table (id INT);".getBytes(StandardCharsets.UTF_8));
            }
            ClassLoader packed = new URLClassLoader(new URL[] {jar.toUri().toURL()}, Store.class.getClassLoader());
            Migrations.apply(dataSource(), packed, "test/migration");

            assertTrue(Migrations.current(dataSource(), packed, "test/migration"));
        }

        @Test
        void aDamagedHistoryGoesToFlywayWhichRefusesIt() throws Exception {
            ClassLoader v1 = scripts("V1__first.sql", "CREATE TABLE first_table (id INT);");
            Migrations.apply(dataSource(), v1, "test/migration");
            update("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1");

            assertFalse(Migrations.current(dataSource(), v1, "test/migration"));
            assertThrows(FlywayException.class, () -> Migrations.apply(dataSource(), v1, "test/migration"));
        }

        @Test
        void aFailedMigrationInTheHistoryIsNotCurrent() throws Exception {
            ClassLoader v1 = scripts("V1__first.sql", "CREATE TABLE first_table (id INT);");
            Migrations.apply(dataSource(), v1, "test/migration");
            update("UPDATE \"flyway_schema_history\" SET \"success\" = false");

            assertFalse(Migrations.current(dataSource(), v1, "test/migration"));
        }

        @Test
        void aChangedScriptIsNotCurrent() throws Exception {
            ClassLoader v1 = scripts("V1__first.sql", "CREATE TABLE first_table (id INT);");
            Migrations.apply(dataSource(), v1, "test/migration");
            Files.writeString(dir.resolve("classes/test/migration/V1__first.sql"), "CREATE TABLE first_table (id BIGINT);");

            assertFalse(Migrations.current(dataSource(), v1, "test/migration"));
            assertThrows(FlywayException.class, () -> Migrations.apply(dataSource(), v1, "test/migration"));
        }

        @Test
        void aStoreReopensOnTheSkippedPath() {
            Store.open(dir.resolve("store"), Optional.of(url()), Clock.systemUTC()).close();
            try (Store again = Store.open(dir.resolve("store"), Optional.of(url()), Clock.systemUTC())) {
                assertEquals(List.of(), again.escalations().open());
            }
        }

        private ClassLoader scripts(String name, String sql) throws IOException {
            Path folder = Files.createDirectories(dir.resolve("classes/test/migration"));
            Files.writeString(folder.resolve(name), sql);
            return new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, Store.class.getClassLoader());
        }

        /**
         * V9 keeps each escalation's asker count, which the lists show: the escalations asked before
         * it get theirs counted when it runs, and an escalation with no askers gets 0.
         */
        @Test
        void theAskersOfEarlierEscalationsAreCountedByTheMigrationThatKeepsTheCount() throws Exception {
            org.flywaydb.core.Flyway.configure(Store.class.getClassLoader()).dataSource(dataSource())
                    .locations("classpath:" + Migrations.LOCATION).target("8").load().migrate();
            update("INSERT INTO escalation (id, question, status, created_at) VALUES "
                    + "(1, 'q1', 'open', CURRENT_TIMESTAMP), (2, 'q2', 'dismissed', CURRENT_TIMESTAMP), "
                    + "(3, 'q3', 'open', CURRENT_TIMESTAMP)");
            for (int a = 0; a < 7; a++) {
                update("INSERT INTO asker (escalation_id, platform, chat, user_id, user_name, message_id, asked_at) "
                        + "VALUES (" + (a < 4 ? 1 : 2) + ", 'webhook', 'c', 'u" + a + "', 'U', 'm" + a + "', CURRENT_TIMESTAMP)");
            }

            Migrations.apply(dataSource(), Store.class.getClassLoader(), Migrations.LOCATION);

            assertEquals(4, count("SELECT asker_count FROM escalation WHERE id = 1"));
            assertEquals(3, count("SELECT asker_count FROM escalation WHERE id = 2"));
            assertEquals(0, count("SELECT asker_count FROM escalation WHERE id = 3"));
            assertTrue(Migrations.current(dataSource(), Store.class.getClassLoader(), Migrations.LOCATION));
        }

        private void update(String sql) throws SQLException {
            try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate(sql);
            }
        }

        private int count(String sql) throws SQLException {
            try (Connection c = dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
