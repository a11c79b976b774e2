package io.qabot.store;

import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.feedback.AnsweredReply;
import io.qabot.core.feedback.FeedbackStore;
import io.qabot.core.feedback.QueuedReplies;
import io.qabot.knowledge.Source;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A benchmark, not a test: what writing a reply and its post id costs in the embedded store (an
 * H2 file, as {@code serve} opens it) when each reply is followed by its post id, as on every
 * platform that names its posts. Three ways, alternating round by round in one process: each
 * write its own commit (what {@link QueuedReplies}' writer did with interleaved post ids: one
 * commit for the reply, one for its post id); through {@link QueuedReplies} until closed (this
 * code: a batch's replies in one commit, its post ids in another); and the post ids alone, one
 * commit each against one for all. CPU is the process's (H2 and the writer thread included).
 *
 * <p>Args: replies per round (500), rounds (6).
 */
public final class PostIdCost {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Path dir = Files.createTempDirectory("post-id-cost");
        Clock clock = Clock.systemUTC();
        try (Store store = Store.open(dir, Optional.empty(), clock)) {
            FeedbackStore feedback = store.feedback();
            for (int round = 0; round < rounds; round++) {
                String r = "round" + round + "-";
                long[] c = new long[5];
                long[] w = new long[5];
                c[0] = cpu();
                w[0] = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    feedback.rememberAll(List.of(reply(r + "a" + i, clock)));
                    feedback.postedAs(r + "a" + i, "post-" + r + "a" + i);
                }
                c[1] = cpu();
                w[1] = System.nanoTime();
                QueuedReplies queued = new QueuedReplies(feedback);
                for (int i = 0; i < n; i++) {
                    queued.remember(reply(r + "b" + i, clock));
                    queued.postedAs(r + "b" + i, "post-" + r + "b" + i);
                }
                queued.close();
                c[2] = cpu();
                w[2] = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    feedback.postedAs(r + "a" + i, "again-" + r + "a" + i);
                }
                c[3] = cpu();
                w[3] = System.nanoTime();
                Map<String, String> all = new java.util.LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    all.put(r + "b" + i, "again-" + r + "b" + i);
                }
                feedback.postedAsAll(all);
                c[4] = cpu();
                w[4] = System.nanoTime();
                if (round == 0) {
                    continue; // warm-up
                }
                System.out.printf(Locale.ROOT, "POSTID round %d, %d replies: reply + post id, a commit each: CPU %.3f ms,"
                                + " wall %.3f ms per reply; through QueuedReplies until closed: CPU %.3f ms, wall %.3f ms"
                                + " per reply (%.3f x CPU)%n", round, n, (c[1] - c[0]) / 1e6 / n, (w[1] - w[0]) / 1e6 / n,
                        (c[2] - c[1]) / 1e6 / n, (w[2] - w[1]) / 1e6 / n, (double) (c[2] - c[1]) / (c[1] - c[0]));
                System.out.printf(Locale.ROOT, "POSTID round %d, %d post ids alone: a commit each CPU %.3f ms, wall %.3f ms"
                                + " per id; one transaction CPU %.3f ms, wall %.3f ms per id (%.3f x CPU)%n", round, n,
                        (c[3] - c[2]) / 1e6 / n, (w[3] - w[2]) / 1e6 / n, (c[4] - c[3]) / 1e6 / n, (w[4] - w[3]) / 1e6 / n,
                        (double) (c[4] - c[3]) / (c[3] - c[2]));
            }
        }
    }

    private static AnsweredReply reply(String id, Clock clock) {
        return new AnsweredReply(id, Platform.SLACK, "C-1", null, new Sender("u-" + id, "User"), "m-" + id,
                "SOFAJRaft 支持跨机房部署吗？", "sofa-weekly#" + id, 0, "答案 " + id,
                new Source("sofa-weekly-20191018.md", "SOFA Weekly", null, null), 0.9, clock.instant());
    }

    /** CPU time this process has used, all threads. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
