package io.qabot.store;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.desk.EscalationStore;
import io.qabot.core.desk.MaintainerDesk;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * A benchmark, not a test: what the maintainer's turn of the soak costs the store (bench/soak:
 * {@code GET /api/v1/escalations?status=open}, then a dismiss of each open one), with open
 * escalations of many askers behind which lie the closed ones of earlier rounds, as after an
 * hour of the soak. Each figure is a ratio against a baseline measured in the same run: the
 * same calls on a database whose escalations have one asker each.
 *
 * <p>Args: {@code h2} or {@code postgres}, open escalations (10), askers each (500), closed
 * escalations of earlier rounds (120), repetitions (20). Prints wall time per call and, on H2
 * (whose work runs on the caller's thread), the caller's thread CPU per call; PostgreSQL works
 * in its own processes, so only wall time says anything there. Also the lists of every status
 * ({@code status=all}) and of the open ones as the admin API reads them now: each escalation's
 * asker count and first askers, against the list with every asker ({@code QueueJsonCost} in
 * admin gives the JSON's size).
 */
public final class DeskCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int open = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int askers = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int closed = args.length > 3 ? Integer.parseInt(args[3]) : 120;
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        Clock clock = Clock.systemUTC();
        try (Bench many = new Bench(db, open, askers, closed, clock);
             Bench one = new Bench(db, open, 1, closed, clock)) {
            for (int round = 0; round < 3; round++) { // the first round warms up; the last two count
                boolean counted = round > 0;
                List<String> lines = new ArrayList<>();
                for (Bench b : List.of(one, many)) {
                    b.figures.clear();
                    b.time("status=open before: 500 of all, 2 statements each", reps, b::nothing, b::queueAsBefore);
                    b.time("status=open, old filter on today's list", reps, b::nothing,
                            () -> b.queueAsTheAdminReadIt().size());
                    b.time("status=open now: store.open(500)", reps, b::nothing, () -> b.store.escalations().open(500).size());
                    b.time("find one", reps, b::nothing,
                            () -> b.store.escalations().find(b.openIds.get(0)).orElseThrow().askers().size());
                    b.time("dismiss one (reopened between, untimed)", reps, b::reopen, b::dismiss);
                    b.time("status=all before: list(all, 500), every asker", reps, b::nothing,
                            () -> b.store.escalations().list(Optional.empty(), 500).size());
                    b.time("status=all now: listed(all, 500, first " + MaintainerDesk.ASKERS_LISTED + ")", reps, b::nothing,
                            () -> b.store.escalations().listed(Set.of(), 500, MaintainerDesk.ASKERS_LISTED).size());
                    b.time("status=open now: listed(open, 500, first " + MaintainerDesk.ASKERS_LISTED + ")", reps,
                            b::nothing, () -> b.store.escalations().listed(EnumSet.of(Escalation.Status.OPEN,
                                    Escalation.Status.CLAIMED), 500, MaintainerDesk.ASKERS_LISTED).size());
                }
                for (int i = 0; i < one.figures.size(); i++) {
                    Figure base = one.figures.get(i);
                    Figure load = many.figures.get(i);
                    lines.add(String.format(java.util.Locale.ROOT,
                            "DESKCOST %-8s %-46s 1 asker: wall %8.3f ms cpu %8.3f ms | %d askers, %d closed: "
                                    + "wall %8.3f ms cpu %8.3f ms | ratio wall %6.1fx cpu %6.1fx",
                            db, base.what, base.wallMs, base.cpuMs, askers, closed, load.wallMs, load.cpuMs,
                            load.wallMs / base.wallMs, load.cpuMs / base.cpuMs));
                }
                Figure before = many.figures.get(0);
                Figure now = many.figures.get(2);
                lines.add(String.format(java.util.Locale.ROOT, "DESKCOST %-8s status=open with %d askers each behind %d closed: "
                                + "before/now wall %.0fx (%.3f / %.3f ms), cpu %.0fx (%.3f / %.3f ms)", db, askers, closed,
                        before.wallMs / now.wallMs, before.wallMs, now.wallMs, before.cpuMs / now.cpuMs, before.cpuMs, now.cpuMs));
                for (int[] pair : new int[][] {{5, 6}, {2, 7}}) {
                    Figure was = many.figures.get(pair[0]);
                    Figure is = many.figures.get(pair[1]);
                    lines.add(String.format(java.util.Locale.ROOT, "DESKCOST %-8s %s -> %s: before/now wall %.1fx "
                                    + "(%.3f / %.3f ms), cpu %.1fx (%.3f / %.3f ms)", db, was.what, is.what,
                            was.wallMs / is.wallMs, was.wallMs, is.wallMs, was.cpuMs / is.cpuMs, was.cpuMs, is.cpuMs));
                }
                if (counted) {
                    lines.forEach(System.out::println);
                }
            }
        }
    }

    record Figure(String what, double wallMs, double cpuMs) {
    }

    /** One database seeded with {@code open} open escalations of {@code askers} askers each, behind {@code closed} dismissed ones. */
    static final class Bench implements AutoCloseable {
        final Store store;
        final String url;
        final Path dir;
        final List<Long> openIds = new ArrayList<>();
        final List<Figure> figures = new ArrayList<>();
        /** A connection of its own for the old statements, opened once, as the store's pool keeps its own open. */
        final Connection raw;

        Bench(String db, int open, int askers, int closed, Clock clock) throws Exception {
            dir = Files.createTempDirectory("desk-cost");
            if (db.equals("postgres")) {
                url = TestDatabases.freshPostgres();
                store = Store.open(dir, Optional.of(url), clock);
            } else {
                url = Store.embeddedUrl(dir);
                store = Store.open(dir, Optional.empty(), clock);
            }
            try (Connection c = DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                // the older rounds' escalations first (dismissed), then this round's open ones, newest last
                seed(c, closed, askers, "dismissed");
                openIds.addAll(seed(c, open, askers, "open"));
                c.commit();
            }
            raw = DriverManager.getConnection(url);
        }

        private static List<Long> seed(Connection c, int count, int askers, String status) throws Exception {
            List<Long> ids = new ArrayList<>();
            for (int e = 0; e < count; e++) {
                Instant now = Instant.now();
                ids.add(EscalationRows.insert(c, "unknown question " + status + " " + e + " 这个怎么配置？", status, now,
                        id -> IntStream.range(0, askers).mapToObj(a -> new Asker(Platform.WEBHOOK, "chat-" + (a % 500), null,
                                new Sender("user-" + a, "User " + a), "m-" + id + "-" + a, now)).toList()));
            }
            return ids;
        }

        /** What {@code GET /api/v1/escalations?status=open} asked of the store up to now: every status, then filtered. */
        List<Escalation> queueAsTheAdminReadIt() {
            return store.escalations().list(Optional.empty(), 500).stream().filter(Escalation::isOpen).toList();
        }

        /**
         * The statements the admin API's queue ran before this change, verbatim, on one connection:
         * the newest 500 escalations of every status, then each one's askers and its flagged reply
         * (none is flagged here, so the two further statements for one never ran), kept if open.
         */
        long queueAsBefore() {
            try {
                Connection c = raw;
                List<long[]> all = Sql.query(c, "SELECT * FROM escalation ORDER BY created_at DESC, id DESC LIMIT ?",
                        row -> new long[] {row.getLong("id"), row.getString("status").matches("open|claimed") ? 1 : 0}, 500);
                long open = 0;
                for (long[] e : all) {
                    List<io.qabot.core.Asker> askers = Sql.query(c, "SELECT " + JdbcEscalationStore.ASKER_COLUMNS
                            + " FROM asker a WHERE a.escalation_id = ? ORDER BY a.id", JdbcEscalationStore::asker, e[0]);
                    List<String> flagged = Sql.query(c, "SELECT * FROM bot_reply WHERE escalation_id = ? ORDER BY answered_at "
                            + "LIMIT 1", row -> row.getString("reply_id"), e[0]);
                    open += e[1] * (askers.isEmpty() && flagged.isEmpty() ? 0 : 1);
                }
                return open;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        long dismiss() {
            EscalationStore escalations = store.escalations();
            return escalations.dismiss(openIds.get(0), "bench").orElseThrow().askers().size();
        }

        void reopen() {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE escalation SET status = 'open', answered_by = NULL, closed_at = NULL WHERE id = "
                        + openIds.get(0));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void nothing() {
        }

        void time(String what, int reps, Runnable before, LongSupplier call) {
            long[] wall = new long[reps];
            long[] cpu = new long[reps];
            long sink = 0;
            for (int i = 0; i < reps; i++) {
                before.run();
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                sink += call.getAsLong();
                wall[i] = System.nanoTime() - t0;
                cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
            }
            if (sink < 0) {
                throw new AssertionError();
            }
            figures.add(new Figure(what, median(wall) / 1e6, median(cpu) / 1e6));
        }

        private static double median(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        @Override
        public void close() throws Exception {
            raw.close();
            store.close();
        }
    }
}
