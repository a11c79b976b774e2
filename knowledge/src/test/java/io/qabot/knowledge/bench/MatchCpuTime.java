package io.qabot.knowledge.bench;

import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.ingest.KnowledgeReader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Development tool for a shared machine: one match and plain Lucene BM25 on the same
 * question, alternately, each timed by the thread's CPU time as well as the wall clock.
 * On a machine busy with other jobs, wall-clock percentiles measure those jobs; CPU time
 * per call and the ratio to the baseline measured a moment apart stay put. JMH
 * ({@link MatchBenchmark}) remains the benchmark of record.
 *
 * <p>Usage (test classpath): {@code MatchCpuTime [corpus|<synthetic items>] [rounds]}; the
 * first quarter of the rounds warms up.
 */
public final class MatchCpuTime {
    private static final Pattern QUERY = Pattern.compile("\"query\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private MatchCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(System.getProperty("qabot.shared", "../shared"));
        List<KnowledgeItem> items = new KnowledgeReader().read(List.of(
                shared.resolve("corpus/sofa-weekly"), shared.resolve("corpus/faq"))).items();
        // the benchmark's questions: the development set's, then 400 of the corpus's own
        List<String> questions = new ArrayList<>();
        Matcher m = QUERY.matcher(Files.readString(shared.resolve("eval/dev.jsonl"), StandardCharsets.UTF_8));
        while (m.find()) {
            questions.add(m.group(1).replace("\\\"", "\""));
        }
        items.stream().limit(400).forEach(i -> questions.add(i.turns().get(0).question()));
        String knowledge = args.length > 0 ? args[0] : "corpus";
        if (!knowledge.equals("corpus")) {
            items = SyntheticKnowledge.grow(items, Integer.parseInt(knowledge), 42);
        }
        KnowledgeIndex index = KnowledgeIndex.build(items);
        PlainBm25 baseline = new PlainBm25(items);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmUp = rounds / 4;
        int n = questions.size() * (rounds - warmUp);
        long[] matchCpu = new long[n];
        long[] matchWall = new long[n];
        long[] baseCpu = new long[n];
        long[] baseWall = new long[n];
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : questions) {
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                index.match(q);
                long c1 = threads.getCurrentThreadCpuTime();
                long w1 = System.nanoTime();
                baseline.search(q);
                long c2 = threads.getCurrentThreadCpuTime();
                long w2 = System.nanoTime();
                if (r >= warmUp) {
                    matchCpu[k] = c1 - c0;
                    matchWall[k] = w1 - w0;
                    baseCpu[k] = c2 - c1;
                    baseWall[k] = w2 - w1;
                    k++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d questions x %d rounds%n", knowledge, questions.size(), rounds - warmUp);
        report("cpu ", matchCpu, baseCpu);
        report("wall", matchWall, baseWall);
    }

    private static void report(String what, long[] match, long[] base) {
        Arrays.sort(match);
        Arrays.sort(base);
        double m50 = percentile(match, 50);
        double m99 = percentile(match, 99);
        double b50 = percentile(base, 50);
        double b99 = percentile(base, 99);
        System.out.printf(Locale.ROOT, "%s match p50 %7.0f us p99 %7.0f us | plain BM25 p50 %7.0f us p99 %7.0f us"
                + " | ratio p50 %.2f p99 %.2f%n", what, m50, m99, b50, b99, m50 / b50, m99 / b99);
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e3;
    }
}
