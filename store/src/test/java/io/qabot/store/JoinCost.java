package io.qabot.store;

import io.qabot.core.Asker;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.feedback.AnsweredReply;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark, not a test: what joining an escalation to an open question costs in the
 * embedded store (an H2 file, as {@code serve} opens it), and what remembering one reply costs.
 * Args: shared folder (../shared), number of open questions, rounds, and "queued" to measure
 * {@code QueuedReplies} too. Prints one line per measurement, wall time per call and the
 * process's CPU time per call (all threads); run it with a JFR recording to see where it goes.
 *
 * <p>The open questions are the SOFA corpus's own questions, inserted as open escalations
 * directly (a join over thousands would take the old code minutes to set up); then each round
 * enqueues every development-set question once (mostly new escalations, some joining the digest
 * question they paraphrase, which changes the open set most times), then asks each again (a
 * repeat: joined by its folded key).
 */
public final class JoinCost {
    private static final Pattern QUERY = Pattern.compile("\"query\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        int open = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        boolean queued = args.length > 3 && args[3].equals("queued"); // QueuedReplies exists on this code
        List<String> corpus = corpusQuestions(shared);
        List<String> asked = queries(shared.resolve("eval/dev.jsonl"));
        Path dir = Files.createTempDirectory("join-cost");
        Clock clock = Clock.systemUTC();
        try (Store store = Store.open(dir, Optional.empty(), clock)) {
            seed(dir, corpus, open);
            for (int round = 0; round < rounds; round++) {
                long[] fresh = new long[asked.size()];
                long[] again = new long[asked.size()];
                long cpu0 = cpu();
                for (int i = 0; i < asked.size(); i++) {
                    long t0 = System.nanoTime();
                    store.escalations().enqueue(asked.get(i), asker("a" + round + "-" + i, clock));
                    fresh[i] = System.nanoTime() - t0;
                }
                long cpu1 = cpu();
                for (int i = 0; i < asked.size(); i++) {
                    long t0 = System.nanoTime();
                    store.escalations().enqueue(asked.get(i), asker("b" + round + "-" + i, clock));
                    again[i] = System.nanoTime() - t0;
                }
                long cpu2 = cpu();
                report("round " + round + " open " + open + ", enqueue a new question", fresh, cpu1 - cpu0);
                report("round " + round + " open " + open + ", enqueue a repeat", again, cpu2 - cpu1);
                // close this round's escalations, so the next round asks into the same window again
                closeNewest(dir, asked.size());
            }
            long[] replies = new long[500];
            long cpu0 = cpu();
            for (int i = 0; i < replies.length; i++) {
                long t0 = System.nanoTime();
                store.feedback().remember(reply("reply-" + i, asked.get(i % asked.size()), clock));
                replies[i] = System.nanoTime() - t0;
            }
            report("remember one reply (H2 file, WRITE_DELAY=0)", replies, cpu() - cpu0);
            if (queued) {
                long[] offered = new long[500];
                cpu0 = cpu();
                long w0 = System.nanoTime();
                io.qabot.core.feedback.QueuedReplies queue = new io.qabot.core.feedback.QueuedReplies(store.feedback());
                for (int i = 0; i < offered.length; i++) {
                    long t0 = System.nanoTime();
                    queue.remember(reply("queued-" + i, asked.get(i % asked.size()), clock));
                    offered[i] = System.nanoTime() - t0;
                }
                queue.close();
                report("remember one reply through QueuedReplies (until close: "
                        + String.format(java.util.Locale.ROOT, "%.0f ms", (System.nanoTime() - w0) / 1e6) + ")", offered, cpu() - cpu0);
            }
        }
    }

    private static AnsweredReply reply(String id, String question, Clock clock) {
        return new AnsweredReply(id, Platform.WEBHOOK, "group-1", null, new Sender("u-" + id, "User"), "m-" + id, question,
                "sofa-weekly#" + id, 0, "答案 " + id, new Source("sofa-weekly-20191018.md", "SOFA Weekly", null, null), 0.9,
                clock.instant());
    }

    /** CPU time this process has used, all threads (the index build analyses on the common pool). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Asker asker(String user, Clock clock) {
        return new Asker(Platform.WEBHOOK, "group-1", null, new Sender(user, user), "m-" + user, clock.instant());
    }

    private static void report(String what, long[] nanos, long cpuNanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf(java.util.Locale.ROOT,
                "JOINCOST %-62s n=%4d mean %8.3f ms  p50 %8.3f ms  p99 %8.3f ms  CPU %8.3f ms each%n", what,
                sorted.length, mean, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                cpuNanos / 1e6 / sorted.length);
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("qabot")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** {@code count} open escalations, the corpus's questions in turn. */
    private static void seed(Path dir, List<String> corpus, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(url(dir));
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO escalation (question, status, created_at) VALUES (?, 'open', ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, corpus.get(i % corpus.size()));
                insert.setObject(2, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void closeNewest(Path dir, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(url(dir))) {
            c.createStatement().executeUpdate("UPDATE escalation SET status = 'dismissed' WHERE id IN "
                    + "(SELECT id FROM escalation ORDER BY id DESC LIMIT " + count + ")");
        }
    }

    static List<String> corpusQuestions(Path shared) {
        Set<String> questions = new LinkedHashSet<>();
        for (KnowledgeItem item : new KnowledgeReader().read(List.of(shared.resolve("corpus/sofa-weekly"),
                shared.resolve("corpus/faq"))).items()) {
            for (Turn turn : item.turns()) {
                questions.add(turn.question().strip());
            }
        }
        return new ArrayList<>(questions);
    }

    static List<String> queries(Path jsonl) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            Matcher m = QUERY.matcher(line);
            if (m.find()) {
                out.add(m.group(1).replace("\\\"", "\"").replace("\\n", "\n"));
            }
        }
        return out;
    }
}
