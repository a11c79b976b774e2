package io.qabot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.config.MatchingConfig;
import io.qabot.config.QabotConfig;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.Match;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code qabot eval}: scores the matcher on an evaluation file as {@code ../shared/eval/README.md}
 * defines it, per kind and overall, with the time each match took. The last lines are the
 * headline figures, so a script can take them with {@code tail}.
 */
final class EvalCommand {
    private final KnowledgeSources sources;
    private final Configuration configuration;
    private final ObjectMapper mapper;
    private final PrintStream out;

    EvalCommand(KnowledgeSources sources, Configuration configuration, ObjectMapper mapper, PrintStream out) {
        this.sources = sources;
        this.configuration = configuration;
        this.mapper = mapper;
        this.out = out;
    }

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("--knowledge", "--eval", "--config", "--replay"),
                Set.of("--verbose", "--curve", "--json"));
        String evalFile = arguments.one("--eval");
        String replay = arguments.one("--replay");
        if ((evalFile == null) == (replay == null)) {
            throw new UsageException("eval: give --eval FILE.jsonl or --replay DATE (one of them)");
        }
        if (!arguments.words().isEmpty()) {
            throw new UsageException("eval: unexpected argument " + arguments.words().get(0));
        }
        QabotConfig config = configuration.load(arguments.one("--config"));
        MatchingConfig matching = config.matching();
        if (replay != null) {
            if (arguments.flag("--curve")) {
                throw new UsageException("eval: --curve goes with --eval, not --replay");
            }
            return new ReplayEvaluation(out, mapper).run(
                    sources.read(arguments.all("--knowledge"), config.knowledge()).items(),
                    ReplayEvaluation.date(replay), matching, arguments.flag("--json"));
        }
        if (arguments.flag("--json")) {
            throw new UsageException("eval: --json goes with --replay");
        }
        KnowledgeIndex index = sources.index(arguments.all("--knowledge"), config);
        EvaluationSet set = EvaluationSet.read(Path.of(evalFile), mapper);
        boolean verbose = arguments.flag("--verbose");
        if (arguments.flag("--curve")) {
            new ConfidenceCurve(out).print(index, set);
        }

        for (int warm = 0; warm < 3; warm++) {
            set.lines().forEach(line -> index.match(line.query()));
        }
        Map<String, Tally> byKind = new LinkedHashMap<>();
        Tally all = new Tally();
        long[] nanos = new long[set.lines().size()];
        for (int i = 0; i < set.lines().size(); i++) {
            EvaluationSet.Line line = set.lines().get(i);
            long start = System.nanoTime();
            Match match = index.match(line.query());
            nanos[i] = System.nanoTime() - start;
            Outcome outcome = Outcome.of(line, match);
            all.add(line, outcome);
            byKind.computeIfAbsent(line.kind(), k -> new Tally()).add(line, outcome);
            if (verbose && !outcome.correct()) {
                out.printf(Locale.ROOT, "MISS %s [%s] %s -> %s %.3f %s%n", line.id(), line.kind(), line.query(),
                        match.decision().wireName(), match.confidence(),
                        match.best().map(c -> c.item().id() + "/" + c.turnIndex()).orElse("-"));
            }
        }
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "%-13s %5s %8s %9s %12s %6s%n", "kind", "lines", "coverage", "precision", "false-answer", "hit@1");
        byKind.forEach((kind, t) -> out.println(t.row(kind)));
        out.println(all.row("all"));
        out.printf(Locale.ROOT, "knowledge: %d items, %d turns; %d questions; latency p50 %.2f ms, p99 %.2f ms%n",
                index.size(), index.turns(), nanos.length, percentile(nanos, 0.50), percentile(nanos, 0.99));
        out.printf(Locale.ROOT, "coverage %.3f (%d/%d answerable answered correctly)%n",
                all.coverage(), all.correctAnswers, all.answerable);
        out.printf(Locale.ROOT, "precision %.3f (%d/%d answers correct)%n",
                all.precision(), all.correctAnswers, all.answers);
        out.printf(Locale.ROOT, "false-answer rate %.3f (%d/%d unanswerable answered); hit@1 %.3f%n",
                all.falseAnswerRate(), all.falseAnswers, all.unanswerable, all.hitAt1());
        return 0;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** How the bot did on one line. */
    record Outcome(boolean answered, boolean correct, boolean hit, Decision decision) {
        static Outcome of(EvaluationSet.Line line, Match match) {
            boolean answered = match.decision() == Decision.ANSWER;
            boolean hit = match.best().map(c -> accepts(line, c)).orElse(false);
            boolean correct = line.answerable() ? answered && hit : !answered;
            return new Outcome(answered, correct, hit, match.decision());
        }

        private static boolean accepts(EvaluationSet.Line line, Candidate c) {
            return line.accepts(c.item().source().file(), c.turn().answer());
        }
    }

    /** Counts for one slice of the evaluation. */
    private static final class Tally {
        int lines;
        int answerable;
        int unanswerable;
        int answers;
        int correctAnswers;
        int falseAnswers;
        int hits;
        int ignoredChitchat;

        void add(EvaluationSet.Line line, Outcome o) {
            lines++;
            if (o.answered()) {
                answers++;
            }
            if (line.answerable()) {
                answerable++;
                if (o.correct()) {
                    correctAnswers++;
                }
                if (o.hit()) {
                    hits++;
                }
            } else {
                unanswerable++;
                if (o.answered()) {
                    falseAnswers++;
                }
                if (o.decision() == Decision.IGNORE) {
                    ignoredChitchat++;
                }
            }
        }

        double coverage() {
            return answerable == 0 ? 0 : (double) correctAnswers / answerable;
        }

        double precision() {
            return answers == 0 ? 1 : (double) correctAnswers / answers;
        }

        double falseAnswerRate() {
            return unanswerable == 0 ? 0 : (double) falseAnswers / unanswerable;
        }

        double hitAt1() {
            return answerable == 0 ? 0 : (double) hits / answerable;
        }

        String row(String kind) {
            if (answerable == 0) {
                return String.format(Locale.ROOT, "%-13s %5d %8s %9s %12s %6s  (ignored %d, escalated %d)", kind, lines,
                        "-", "-", String.format(Locale.ROOT, "%.3f", falseAnswerRate()), "-",
                        ignoredChitchat, unanswerable - ignoredChitchat - falseAnswers);
            }
            return String.format(Locale.ROOT, "%-13s %5d %8.3f %9.3f %12s %6.3f", kind, lines, coverage(), precision(),
                    unanswerable == 0 ? "-" : String.format(Locale.ROOT, "%.3f", falseAnswerRate()), hitAt1());
        }
    }

}
