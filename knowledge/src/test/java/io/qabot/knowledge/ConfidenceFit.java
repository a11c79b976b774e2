package io.qabot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.knowledge.ingest.KnowledgeReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Development tool, not a test: fits {@link Confidence} and says how well the fit is expected
 * to do on questions it has not seen. Run from the knowledge module with the test classpath:
 * {@code java -cp target/classes:target/test-classes:<deps> io.qabot.knowledge.ConfidenceFit}
 * (the dependencies from {@code mvn dependency:build-classpath}).
 *
 * <p>The development set has about eighty lines: fitted on them alone (L2 0.1, as before) the
 * weights describe single lines, and the nested leave-one-out figures fall below the
 * in-sample ones. So the fit is regularised harder (L2 {@code -Dl2}, default 1.0) and also
 * sees self-supervised questions made from the corpus itself: every turn's question,
 * reworded by keeping 15-75% of its words and mixing in words of other questions, asked of
 * the whole index (right when the best candidate is that turn, a copy of its question or
 * the same answer) and asked again with every right candidate taken out (labelled wrong: the
 * knowledge no longer holds the answer). These labels are noisy (a neighbouring question of
 * the same thread often answers it too) and the rewording is cruder than a person's, so each
 * weighs {@code -DsyntheticWeight} (default 0.01) of a development line. They are made of
 * corpus words and say nothing about words the corpus lacks: their unseen share is left at 0
 * and that weight is learnt from the development set. The intercept is then re-fitted on the
 * development set alone, so the score reads as a probability for real questions. The
 * threshold answers the most development lines rightly, then the fewest wrongly, at
 * precision 0.97 and at most 2% false answers, and lies halfway to the next lower score.
 *
 * <p>It prints the weights as a {@code Confidence} constructor, the figures on the reworded
 * questions, the development figures in sample and the nested leave-one-out estimate (for
 * each line, weights, intercept and threshold fitted without it, then judging it).
 * {@code -Dprobe=FILE} also lists which of a file's questions (one a line, all meant to be
 * unanswerable, such as {@code src/test/resources/io/qabot/knowledge/unanswerable-probe.txt})
 * would be answered; {@code -Dweights=b,w1,...,w7,threshold} judges given
 * weights instead of fitting.
 */
public final class ConfidenceFit {
    static final double SYNTHETIC_WEIGHT = Double.parseDouble(System.getProperty("syntheticWeight", "0.01"));
    private static final double L2 = Double.parseDouble(System.getProperty("l2", "1.0"));
    private static final double MIN_PRECISION = Double.parseDouble(System.getProperty("minPrecision", "0.97"));
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9_.@/\\-]+|\\p{IsHan}+");

    /** One judged best candidate: its evidence, whether it is right, and whether the line may be answered. */
    private record Row(String id, double[] x, boolean right, boolean answerable, boolean vetoed) {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("qabot.shared", "../shared"));
        List<KnowledgeItem> items = new KnowledgeReader().read(List.of(shared.resolve("corpus/sofa-weekly"),
                shared.resolve("corpus/faq"))).items();
        KnowledgeIndex index = KnowledgeIndex.build(items);
        // answers whenever nothing but the confidence stands in the way: tells the vetoed lines
        KnowledgeIndex noThreshold = KnowledgeIndex.build(items, withThreshold(Confidence.DEFAULT, 0));
        List<Row> dev = developmentRows(index, noThreshold, shared.resolve("eval/dev.jsonl"));
        List<Row> synthetic = syntheticRows(index, items, Integer.getInteger("reps", 2), Long.getLong("seed", 7));
        long right = synthetic.stream().filter(Row::right).count();
        System.out.printf(Locale.ROOT, "development rows %d, synthetic rows %d (%d right)%n", dev.size(), synthetic.size(),
                right);

        double[] w;
        double threshold;
        if (System.getProperty("weights") != null) {
            // judge given weights instead: "bias,w1,...,w7,threshold"
            String[] given = System.getProperty("weights").split(",");
            w = new double[8];
            for (int j = 0; j < 8; j++) {
                w[j] = Double.parseDouble(given[j]);
            }
            threshold = Double.parseDouble(given[8]);
        } else {
            w = fit(dev, synthetic, -1);
            w[0] = refitBias(w, dev);
            threshold = threshold(w, dev, dev.size());
        }
        int rephrased = 0;
        int rephrasedRight = 0;
        int rephrasedAnswers = 0;
        int withoutAnswer = 0;
        int withoutAnswerAnswered = 0;
        for (Row r : synthetic) {
            boolean answered = probability(w, r.x()) >= threshold;
            if (r.answerable()) {
                rephrased++;
                rephrasedAnswers += answered ? 1 : 0;
                rephrasedRight += answered && r.right() ? 1 : 0;
            } else {
                withoutAnswer++;
                withoutAnswerAnswered += answered ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "synthetic: coverage %.3f precision %.3f on %d reworded questions; "
                        + "%.3f of %d questions without their answer answered%n",
                (double) rephrasedRight / rephrased, (double) rephrasedRight / Math.max(1, rephrasedAnswers), rephrased,
                (double) withoutAnswerAnswered / withoutAnswer, withoutAnswer);
        System.out.printf(Locale.ROOT, "new Confidence(%.3f, %.3f, %.3f, %.3f, %.3f, %.3f, %.3f, %.3f, %.3f)%n",
                w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], threshold);
        System.out.println("development, in sample: " + figures(dev, i -> answers(w, dev.get(i), threshold)));
        for (Row r : dev) {
            double p = probability(w, r.x());
            if (Math.abs(p - threshold) < 0.25) {
                System.out.printf(Locale.ROOT, "  %s %.3f %s%s%n", r.id(), p, r.right() && r.answerable() ? "right" : "wrong",
                        r.vetoed() ? " (vetoed)" : "");
            }
        }

        if (System.getProperty("probe") != null) {
            // questions the knowledge should not answer, one a line: which would be answered
            int answered = 0;
            int total = 0;
            for (String q : Files.readAllLines(Path.of(System.getProperty("probe")))) {
                Features f = q.startsWith("#") ? null : index.explain(q);
                if (q.isBlank() || f == null) {
                    continue;
                }
                total++;
                boolean vetoed = noThreshold.match(q).decision() != Decision.ANSWER;
                double p = probability(w, features(f, false));
                if (!vetoed && p >= threshold) {
                    answered++;
                    System.out.printf(Locale.ROOT, "  probe answered %.3f %s -> %s%n", p, q,
                            index.match(q).best().map(c -> c.turn().question()).orElse("").replaceAll("\\s+", " "));
                }
            }
            System.out.printf(Locale.ROOT, "probe: %d of %d answered%n", answered, total);
        }
        boolean[] decided = new boolean[dev.size()];
        for (int i = 0; i < dev.size(); i++) {
            double[] wi = fit(dev, synthetic, i);
            wi[0] = refitBias(wi, dev.subList(0, i), dev.subList(i + 1, dev.size()));
            decided[i] = answers(wi, dev.get(i), threshold(wi, dev, i));
        }
        System.out.println("development, nested leave-one-out: " + figures(dev, i -> decided[i]));
        for (int i = 0; i < dev.size(); i++) {
            Row r = dev.get(i);
            if (decided[i] != (r.right() && r.answerable())) {
                System.out.println("  " + r.id() + (decided[i] ? " answered wrongly" : " not answered"));
            }
        }
    }

    private static Confidence withThreshold(Confidence c, double threshold) {
        return new Confidence(c.bias(), c.threadCoverage(), c.reverseCoverage(), c.margin(), c.bm25Margin(),
                c.unseenShare(), c.otherProduct(), c.nameCoverage(), threshold);
    }

    private static double[] features(Features f, boolean synthetic) {
        return new double[]{1, f.threadCoverage(), f.reverseCoverage(), f.margin(), f.bm25Margin(),
                synthetic ? 0 : f.unseenShare(), f.otherProduct(), f.nameCoverage()};
    }

    private static List<Row> developmentRows(KnowledgeIndex index, KnowledgeIndex noThreshold, Path file)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json = mapper.readTree(line);
            String query = json.get("query").asText();
            Features f = index.explain(query);
            if (f == null) {
                continue; // nothing retrieved: never answered, nothing to learn
            }
            List<JsonNode> expected = new ArrayList<>();
            if (json.hasNonNull("expect")) {
                expected.add(json.get("expect"));
            }
            json.path("alt").forEach(expected::add);
            KnowledgeIndex.Entry best = index.debugRank(query).get(0).entry();
            String answer = norm(best.item().turns().get(best.turnIndex()).answer());
            boolean right = expected.stream().anyMatch(e -> e.get("file").asText().equals(best.item().source().file())
                    && answer.contains(norm(e.get("answer_contains").asText())));
            boolean vetoed = noThreshold.match(query).decision() != Decision.ANSWER;
            rows.add(new Row(json.get("id").asText(), features(f, false), right, !expected.isEmpty(), vetoed));
        }
        return rows;
    }

    private static List<Row> syntheticRows(KnowledgeIndex index, List<KnowledgeItem> items, int reps, long seed) {
        Random random = new Random(seed);
        List<String> otherWords = new ArrayList<>();
        for (KnowledgeItem item : items) {
            for (Turn t : item.turns()) {
                Matcher m = UNIT.matcher(t.question());
                while (m.find()) {
                    if (m.group().codePointAt(0) >= 0x2E80) {
                        otherWords.addAll(index.terms(m.group()));
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (KnowledgeItem item : items) {
            for (Turn turn : item.turns()) {
                String answer = norm(turn.answer());
                String copy = KnowledgeIndex.copyKey(turn.question());
                // a copy of the question in another post, or the same answer, is right too
                Predicate<Scored> isRight = s -> {
                    Turn other = s.entry().item().turns().get(s.entry().turnIndex());
                    return other == turn || norm(other.answer()).equals(answer)
                            || KnowledgeIndex.copyKey(other.question()).equals(copy);
                };
                for (int r = 0; r < reps; r++) {
                    String query = reword(index, turn.question(), otherWords, random);
                    if (query.isEmpty()) {
                        continue;
                    }
                    Question asked = index.read(query);
                    List<Scored> ranked = index.debugRank(query);
                    if (ranked.isEmpty()) {
                        continue;
                    }
                    rows.add(new Row("s", features(KnowledgeIndex.features(ranked, asked), true),
                            isRight.test(ranked.get(0)), true, false));
                    List<Scored> without = ranked.stream().filter(isRight.negate()).toList();
                    if (!without.isEmpty()) {
                        rows.add(new Row("s", features(KnowledgeIndex.features(without, asked), true), false, false,
                                false));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * A member's own wording, roughly: keeps 15-75% of the Chinese words (names and code a
     * little more often) and mixes in up to eight words of other questions.
     */
    private static String reword(KnowledgeIndex index, String question, List<String> otherWords, Random random) {
        List<String> units = new ArrayList<>();
        Matcher m = UNIT.matcher(ChatNoise.stripAddress(ChatNoise.normalize(question)));
        while (m.find()) {
            if (m.group().codePointAt(0) >= 0x2E80) {
                units.addAll(index.terms(m.group()));
            } else {
                units.add(m.group());
            }
        }
        double keepChinese = 0.15 + 0.6 * random.nextDouble();
        double keepLatin = Math.min(1, keepChinese + 0.2);
        List<String> kept = new ArrayList<>();
        for (String u : units) {
            if (random.nextDouble() < (u.codePointAt(0) >= 0x2E80 ? keepChinese : keepLatin)) {
                kept.add(u);
            }
        }
        int added = random.nextInt(9);
        for (int k = 0; k < added; k++) {
            kept.add(random.nextInt(kept.size() + 1), otherWords.get(random.nextInt(otherWords.size())));
        }
        return String.join(" ", kept);
    }

    /** L2-regularised weighted logistic regression by Newton's method, leaving development row {@code skip} out. */
    private static double[] fit(List<Row> dev, List<Row> synthetic, int skip) {
        int d = dev.get(0).x().length;
        double[] w = new double[d];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int j = 1; j < d; j++) {
                gradient[j] = L2 * w[j];
                hessian[j][j] = L2;
            }
            for (int i = 0; i < dev.size(); i++) {
                if (i != skip) {
                    accumulate(w, dev.get(i), 1, gradient, hessian);
                }
            }
            for (Row r : synthetic) {
                accumulate(w, r, SYNTHETIC_WEIGHT, gradient, hessian);
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-9) {
                break;
            }
        }
        return w;
    }

    private static void accumulate(double[] w, Row r, double weight, double[] gradient, double[][] hessian) {
        double p = probability(w, r.x());
        double y = label(r);
        for (int j = 0; j < w.length; j++) {
            gradient[j] += weight * (p - y) * r.x()[j];
            for (int k = 0; k < w.length; k++) {
                hessian[j][k] += weight * p * (1 - p) * r.x()[j] * r.x()[k];
            }
        }
    }

    /** The intercept that makes the mean probability on the development rows match their share of right answers. */
    @SafeVarargs
    private static double refitBias(double[] w, List<Row>... parts) {
        double bias = w[0];
        for (int iteration = 0; iteration < 50; iteration++) {
            double g = 0;
            double h = 1e-9;
            for (List<Row> part : parts) {
                for (Row r : part) {
                    double p = probability(w, r.x(), bias);
                    g += p - label(r);
                    h += p * (1 - p);
                }
            }
            bias -= g / h;
        }
        return bias;
    }

    private static double label(Row r) {
        return r.right() && r.answerable() ? 1 : 0;
    }

    private static double probability(double[] w, double[] x) {
        return probability(w, x, w[0]);
    }

    private static double probability(double[] w, double[] x, double bias) {
        double z = bias;
        for (int j = 1; j < w.length; j++) {
            z += w[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static boolean answers(double[] w, Row r, double threshold) {
        return !r.vetoed() && probability(w, r.x()) >= threshold;
    }

    /**
     * The threshold that answers the most rows rightly, and of those the fewest wrongly, at
     * precision 0.97 or more and a false-answer rate of 0.02 or less: halfway between the
     * lowest probability it answers and the next lower one.
     */
    private static double threshold(double[] w, List<Row> dev, int skip) {
        long unanswerable = dev.stream().filter(r -> !r.answerable()).count();
        double best = 1.01;
        int bestRight = -1;
        int bestAnswered = Integer.MAX_VALUE;
        for (int c = 0; c < dev.size(); c++) {
            if (c == skip) {
                continue;
            }
            double t = probability(w, dev.get(c).x());
            int answered = 0;
            int right = 0;
            int falseAnswers = 0;
            for (int i = 0; i < dev.size(); i++) {
                Row r = dev.get(i);
                if (i == skip || !answers(w, r, t)) {
                    continue;
                }
                answered++;
                right += r.right() && r.answerable() ? 1 : 0;
                falseAnswers += r.answerable() ? 0 : 1;
            }
            boolean ok = answered > 0 && right >= MIN_PRECISION * answered && falseAnswers <= 0.02 * unanswerable;
            // as many right answers as possible, then as few wrong ones
            if (ok && (right > bestRight || right == bestRight && answered < bestAnswered)) {
                best = t;
                bestRight = right;
                bestAnswered = answered;
            }
        }
        // halfway to the next lower probability, so that a question just below the lowest right
        // answer of the development set is not answered by chance of rounding
        double below = 0;
        for (int i = 0; i < dev.size(); i++) {
            double p = probability(w, dev.get(i).x());
            if (i != skip && !dev.get(i).vetoed() && p < best) {
                below = Math.max(below, p);
            }
        }
        return best > 1 ? best : (best + below) / 2;
    }

    private static String figures(List<Row> dev, java.util.function.IntPredicate answered) {
        int answerable = 0;
        int unanswerable = 0;
        int answers = 0;
        int right = 0;
        int falseAnswers = 0;
        for (int i = 0; i < dev.size(); i++) {
            Row r = dev.get(i);
            answerable += r.answerable() ? 1 : 0;
            unanswerable += r.answerable() ? 0 : 1;
            if (answered.test(i)) {
                answers++;
                right += r.right() && r.answerable() ? 1 : 0;
                falseAnswers += r.answerable() ? 0 : 1;
            }
        }
        return String.format(Locale.ROOT, "right %d of %d answerable with features, %d answers; precision %.3f, "
                        + "false answers %d of %d", right, answerable, answers, answers == 0 ? 1.0 : (double) right / answers,
                falseAnswers, unanswerable);
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != col && m[col][col] != 0) {
                    double factor = m[r][col] / m[col][col];
                    for (int k = col; k <= n; k++) {
                        m[r][k] -= factor * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }

    private static String norm(String s) {
        return s.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[\\s*`>#]+", "");
    }
}
