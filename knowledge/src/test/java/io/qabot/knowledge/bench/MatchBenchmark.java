package io.qabot.knowledge.bench;

import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.ingest.KnowledgeReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One match over the whole corpus, and over 100k synthetic items grown from it. The
 * questions are the development set's (paraphrases, follow-ups, out-of-scope questions and
 * chatter) followed by the corpus's own questions, cycled, so every kind of message is timed.
 * Sample-time mode reports the p50 and p99 of single calls; {@link #plainBm25()} runs plain
 * Lucene BM25 on the same questions in the same run, so the figures can be read as a ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class MatchBenchmark {
    private static final Pattern QUERY = Pattern.compile("\"query\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Param({"corpus", "100000"})
    public String knowledge;

    private KnowledgeIndex index;
    private PlainBm25 baseline;
    private String[] questions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path shared = Path.of(System.getProperty("qabot.shared", "../shared"));
        List<KnowledgeItem> items = new KnowledgeReader().read(List.of(
                shared.resolve("corpus/sofa-weekly"), shared.resolve("corpus/faq"))).items();
        if (!knowledge.equals("corpus")) {
            items = SyntheticKnowledge.grow(items, Integer.parseInt(knowledge), 42);
        }
        index = KnowledgeIndex.build(items);
        baseline = new PlainBm25(items);
        List<String> qs = new ArrayList<>();
        Matcher m = QUERY.matcher(Files.readString(shared.resolve("eval/dev.jsonl"), StandardCharsets.UTF_8));
        while (m.find()) {
            qs.add(m.group(1).replace("\\\"", "\""));
        }
        items.stream().limit(400).forEach(i -> qs.add(i.turns().get(0).question()));
        questions = qs.toArray(String[]::new);
    }

    @Benchmark
    public Match match() {
        return index.match(nextQuestion());
    }

    /** Plain Lucene BM25 (StandardAnalyzer, top hit) on the same questions: the baseline. */
    @Benchmark
    public Object plainBm25() throws IOException {
        return baseline.search(nextQuestion());
    }

    private String nextQuestion() {
        String q = questions[next];
        next = next + 1 == questions.length ? 0 : next + 1;
        return q;
    }
}
