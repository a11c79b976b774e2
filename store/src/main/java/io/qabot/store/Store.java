package io.qabot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.qabot.core.desk.EscalationStore;
import io.qabot.core.desk.LearnedAnswers;
import io.qabot.core.desk.Outbox;
import io.qabot.core.desk.QuestionLog;
import io.qabot.core.desk.SameQuestion;
import io.qabot.core.feedback.FeedbackStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opened database: migrated to the latest schema, with a small connection pool, and the
 * ports over it.
 *
 * <pre>
 * try (Store store = Store.open(config.dataDir(), config.databaseUrl().map(Secret::value), clock)) {
 *     store.escalations().enqueue(question, asker);
 * }
 * </pre>
 */
public final class Store implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Store.class);

    private final HikariDataSource dataSource;
    private final Kind kind;
    private final JdbcEscalationStore escalations;
    private final JdbcOutbox outbox;
    private final JdbcLearnedAnswers learned;
    private final JdbcQuestionLog questions;
    private final JdbcFeedbackStore feedback;

    /** Which database is behind the store. */
    public enum Kind { H2, POSTGRESQL }

    private Store(HikariDataSource dataSource, Kind kind, Clock clock) {
        this.dataSource = dataSource;
        this.kind = kind;
        Sql sql = new Sql(dataSource);
        this.escalations = new JdbcEscalationStore(sql, clock, new SameQuestion());
        this.outbox = new JdbcOutbox(sql);
        this.learned = new JdbcLearnedAnswers(sql, clock);
        this.feedback = new JdbcFeedbackStore(sql, clock, escalations);
        this.questions = new JdbcQuestionLog(sql, feedback);
    }

    /**
     * Opens the database named by {@code jdbcUrl} (H2 or PostgreSQL), or else an H2 file under
     * {@code dataDir}, and migrates it. Several processes may open one PostgreSQL database; an
     * H2 file belongs to one process at a time.
     */
    public static Store open(Path dataDir, Optional<String> jdbcUrl, Clock clock) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        String url = jdbcUrl.orElseGet(() -> embeddedUrl(dataDir));
        Kind kind = kindOf(url);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setPoolName("qabot-store");
        pool.setMaximumPoolSize(kind == Kind.H2 ? 4 : 8);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(10_000);
        pool.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            Migrations.apply(dataSource, Store.class.getClassLoader(), Migrations.LOCATION);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        // only the embedded default's URL is ours to show: a configured one may carry a password
        log.info("store: {} at {}", kind, jdbcUrl.isEmpty() ? url : "(the configured database URL)");
        Store store = new Store(dataSource, kind, clock);
        if (url.startsWith("jdbc:h2:file:")) {
            // An embedded file belongs to one process at a time, so a lease found now was held by
            // a process that died mid-send: its deliveries are due at once, not when the lease ends.
            int released = store.outbox.releaseAll();
            if (released > 0) {
                log.info("store: {} deliveries left in flight by the previous run are due again", released);
            }
        }
        return store;
    }

    /**
     * The embedded default: a file database in {@code dataDir}, in H2's PostgreSQL mode.
     * {@code WRITE_DELAY=0} writes each commit to the file before the commit returns; H2's
     * default (500 ms later, from a background thread) loses the last commits to a kill -9,
     * which {@code CrashRecoveryTest} caught as an answered escalation gone after restart.
     * {@code CACHE_SIZE=4096} (KiB) keeps H2's page cache at 4 MiB of heap instead of its 16:
     * the bot reads back little (open escalations, answers, the outbox), and the heap is planned
     * to fit a 512 MiB host (README, "Start-up, memory and retention").
     * {@code DB_CLOSE_ON_EXIT=FALSE}: H2 otherwise closes the file from a shutdown hook of its own,
     * which a stop signal runs beside serve's, so requests still finishing after a {@code docker
     * stop} found the store closed ({@code EmbeddedStoreShutdownTest}); {@link #close()} closes it.
     */
    static String embeddedUrl(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir, e);
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("qabot")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;CACHE_SIZE=4096"
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Whether another process has the embedded database under {@code dataDir} open (a running
     * {@code qabot serve}): H2 lets one process at a time have the file. Asked once, without
     * the pool's retries, so a command beside a running bot learns it at once, not after the
     * pool's ten seconds. False when there is no database there yet.
     */
    public static boolean embeddedInUse(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("qabot.mv.db");
        if (!Files.exists(file)) {
            return false;
        }
        try (Connection probe = DriverManager.getConnection(embeddedUrl(dataDir))) {
            return false;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
            throw new IllegalStateException("store: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static Kind kindOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return Kind.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Kind.POSTGRESQL;
        }
        throw new IllegalArgumentException("databaseUrl: only jdbc:postgresql: and jdbc:h2: URLs are supported, not "
                + url.substring(0, Math.min(url.length(), url.indexOf(':', 5) + 1)));
    }

    public Kind kind() {
        return kind;
    }

    public EscalationStore escalations() {
        return escalations;
    }

    public Outbox outbox() {
        return outbox;
    }

    public LearnedAnswers learned() {
        return learned;
    }

    /** The questions asked and what the bot decided: {@code qabot stats}. */
    public QuestionLog questions() {
        return questions;
    }

    /**
     * Gives the embedded database's file back the room that deleted rows left: H2 writes every
     * commit at once here ({@code WRITE_DELAY=0}), which also leaves out its background writer,
     * the one thread that would otherwise compact the file as it runs; without this the file and
     * the store's in-memory chunk metadata grow with every row ever written, deleted or not. Works
     * for at most {@code maxTime}, in slices with a pause between them in which the bot's writes
     * go first ({@link FileCompaction}), and ends after the slice under way once {@code stop}
     * says so: the bot stopping does not interrupt it, as an interrupt in H2's file I/O closes the
     * database. PostgreSQL's autovacuum does this itself, so there it does nothing.
     */
    public void compact(java.time.Duration maxTime, java.util.function.BooleanSupplier stop) {
        // a stop that unparks this thread ends the pause at once
        compact(maxTime, stop, pause -> java.util.concurrent.locks.LockSupport.parkNanos(pause.toNanos()))
                .ifPresent(done -> log.info("store: compacted in {} slices (longest {} ms, {} ms in all, {} ms paused), file {} -> {} KiB",
                        done.slices(), done.longestSlice().toMillis(), done.working().toMillis(), done.paused().toMillis(),
                        done.fileBefore() / 1024, done.fileAfter() / 1024));
    }

    /** {@link #compact(java.time.Duration, java.util.function.BooleanSupplier)} with what runs between the slices; empty unless H2's file store. */
    Optional<FileCompaction.Result> compact(java.time.Duration maxTime, java.util.function.BooleanSupplier stop,
            java.util.function.Consumer<java.time.Duration> betweenSlices) {
        if (kind != Kind.H2) {
            return Optional.empty();
        }
        try (java.sql.Connection c = dataSource.getConnection()) {
            org.h2.engine.Session session = c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
            if (session instanceof org.h2.engine.SessionLocal local && local.getDatabase().getStore() != null
                    && local.getDatabase().getStore().getMvStore().getFileStore() != null) {
                return Optional.of(new FileCompaction(local.getDatabase().getStore().getMvStore(), betweenSlices)
                        .run(maxTime, stop));
            }
            return Optional.empty();
        } catch (java.sql.SQLException e) {
            throw new StoreException("compacting the embedded database failed", e);
        }
    }

    /** The replies the bot posted, members' flags on them and the maintainers' verdicts. */
    public FeedbackStore feedback() {
        return feedback;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
