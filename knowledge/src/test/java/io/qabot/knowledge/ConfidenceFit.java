package io.qabot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>What it learns from, each row the best candidate for one question with its
 * {@link Features}, labelled right when that candidate's answer is the expected one:
 * <ul>
 *   <li>both development files, {@code dev.jsonl} and {@code dev-hard.jsonl} (in-domain
 *       questions the digests do not answer, chat lines, hard paraphrases), weight 1;</li>
 *   <li>replay questions: the opening questions of the threads posted in 2020, asked of the
 *       knowledge from before 2020 (right only when the answer is a copy of the same
 *       thread's), weight {@code -DreplayWeight} (0.3): real in-domain questions that
 *       mostly have no answer yet, the hardest negatives there are. 2020, not 2021: the
 *       {@code eval --replay 2021-01-01} figure stays out of sample;</li>
 *   <li>self-supervised questions made from the corpus: every turn's question reworded by
 *       keeping 15-75% of its words and mixing in words of other questions, asked of the
 *       whole index, and asked again with every right candidate taken out (then the best
 *       candidate is another thread, often of the same product: a hard negative), weight
 *       {@code -DsyntheticWeight} (0.01): their labels are noisy and the rewording is
 *       cruder than a person's.</li>
 * </ul>
 *
 * <p>The model is an L2-regularised ({@code -Dl2}, 5.0) logistic regression; the intercept
 * is re-fitted on the development rows so the score reads as a probability for real
 * questions. The threshold is chosen on out-of-fold scores: the one that answers the most
 * development lines rightly at precision {@code -DminPrecision} (0.97) and at most
 * {@code -DmaxFalse} (0.02) of the unanswerable ones answered, and (unless
 * {@code -DreplayInThreshold=false}) at most the same share of the 2020 replay questions
 * answered wrongly, halfway to the next lower score. The replay constraint is the default
 * because those are real members' questions, the closest thing to what the bot will be asked,
 * and a wrong answer costs more than ten escalations; the 2021 replay stays out of sample.
 *
 * <p>What it prints is out of fold, never in sample: ten outer folds over the development
 * lines; for each, weights, intercept and threshold are fitted on the other nine (the
 * threshold from five inner folds' out-of-fold scores), then the fold is judged. Then the
 * figures per file and kind, the calibration (how often a score of about 0.9 was right),
 * the lines decided wrongly, and the weights fitted on everything as the constructor of
 * {@code Confidence.FITTED}, with the threshold chosen on five folds' out-of-fold scores. {@code -Dprobe=FILE} lists which of a file's questions (one a
 * line, all meant to be unanswerable) the fitted model would answer. {@code -DreplayDump=FILE}
 * writes the replay rows by the fitted model's score, each with the answer given and the asked
 * thread's own answer, to read whether "wrong" is right. {@code -Dtrial=a,b} appends derived
 * features to every row for an experiment, measured out of fold like the others, without
 * touching {@link Features} (the fourth round's variants, docs/precision.md).
 */
public final class ConfidenceFit {
    private static final double SYNTHETIC_WEIGHT = Double.parseDouble(System.getProperty("syntheticWeight", "0.01"));
    private static final double REPLAY_WEIGHT = Double.parseDouble(System.getProperty("replayWeight", "0.3"));
    private static final double L2 = Double.parseDouble(System.getProperty("l2", "5.0"));
    private static final double MIN_PRECISION = Double.parseDouble(System.getProperty("minPrecision", "0.97"));
    private static final double MAX_FALSE = Double.parseDouble(System.getProperty("maxFalse", "0.02"));
    private static final int FOLDS = Integer.getInteger("folds", 10);
    private static final boolean REPLAY_IN_THRESHOLD = Boolean.parseBoolean(System.getProperty("replayInThreshold", "true"));
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9_.@/\\-]+|\\p{IsHan}+");

    /**
     * One judged question: where it comes from, its evidence (null when nothing was
     * retrieved), whether the best candidate is right, whether the line may be answered, and
     * whether a rule rules an answer out.
     */
    record Row(String id, String file, String kind, double[] x, boolean right, boolean answerable, boolean vetoed,
               double weight, String query, String note) {
        double label() {
            return right && answerable ? 1 : 0;
        }
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("qabot.shared", "../shared"));
        List<KnowledgeItem> items = SofaCorpus.items(shared);
        KnowledgeIndex index = KnowledgeIndex.build(items);
        List<Row> dev = new ArrayList<>(developmentRows(index, shared.resolve("eval/dev.jsonl"), "dev"));
        dev.addAll(developmentRows(index, shared.resolve("eval/dev-hard.jsonl"), "hard"));
        List<Row> extra = new ArrayList<>(syntheticRows(index, items, Integer.getInteger("reps", 2), Long.getLong("seed", 7)));
        extra.addAll(replayRows(items, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)));
        System.out.printf(Locale.ROOT, "development rows %d, extra rows %d (%d synthetic, %d replay)%n", dev.size(),
                extra.size(), extra.stream().filter(r -> r.file().equals("synthetic")).count(),
                extra.stream().filter(r -> r.file().equals("replay")).count());

        if (System.getProperty("dump") != null) {
            List<String> out = new ArrayList<>();
            out.add("id\tfile\tkind\tlabel\tvetoed\t" + String.join("\t", Features.NAMES) + "\tquery");
            for (Row r : dev) {
                if (r.x() == null) {
                    continue;
                }
                StringBuilder b = new StringBuilder(r.id() + "\t" + r.file() + "\t" + r.kind() + "\t" + (int) r.label()
                        + "\t" + (r.vetoed() ? 1 : 0));
                for (int j = 1; j < r.x().length; j++) {
                    b.append(String.format(Locale.ROOT, "\t%.4f", r.x()[j]));
                }
                out.add(b + "\t" + r.query().replaceAll("\\s+", " ") + "\t" + missing(index, r.query()));
            }
            Files.write(Path.of(System.getProperty("dump")), out);
        }
        boolean[] oofAnswered = new boolean[dev.size()];
        double[] oofScore = outOfFold(dev, extra, oofAnswered);
        if (System.getProperty("oof") != null) {
            List<String> out = new ArrayList<>();
            out.add("id\tfile\tkind\tanswerable\tright\tvetoed\tscore\tanswered\tquery");
            for (int i = 0; i < dev.size(); i++) {
                Row r = dev.get(i);
                out.add(String.format(Locale.ROOT, "%s\t%s\t%s\t%d\t%d\t%d\t%.4f\t%d\t%s", r.id(), r.file(), r.kind(),
                        r.answerable() ? 1 : 0, r.right() ? 1 : 0, r.vetoed() ? 1 : 0, oofScore[i], oofAnswered[i] ? 1 : 0,
                        r.query().replaceAll("\\s+", " ")));
            }
            Files.write(Path.of(System.getProperty("oof")), out);
        }
        System.out.println("out of fold (" + FOLDS + " outer folds, threshold from 5 inner folds):");
        report(dev, oofAnswered);
        calibration(dev, oofScore);
        System.out.println("decided wrongly, out of fold:");
        for (int i = 0; i < dev.size(); i++) {
            Row r = dev.get(i);
            boolean good = r.answerable() ? oofAnswered[i] && r.right() : !oofAnswered[i];
            if (!good && (oofAnswered[i] || Boolean.getBoolean("misses"))) {
                System.out.printf(Locale.ROOT, "  %s %s %-12s %.3f %s %s%n", r.id(), r.file(), r.kind(), oofScore[i],
                        oofAnswered[i] ? "ANSWERED WRONGLY" : "not answered" + (r.vetoed() ? " (rule)" : ""),
                        r.query().replaceAll("\\s+", " "));
            }
        }

        Model all = fitWithThreshold(dev, extra);
        StringBuilder weights = new StringBuilder();
        for (int j = 1; j < all.w().length; j++) {
            weights.append(j > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", all.w()[j]));
        }
        System.out.printf(Locale.ROOT, "fitted on everything: new Confidence(%.3f, new double[]{%s}, %.3f)%n", all.w()[0],
                weights, all.threshold());
        for (int j = 1; j < all.w().length; j++) {
            System.out.printf(Locale.ROOT, "  %-17s %7.3f%n", Features.NAMES.get(j - 1), all.w()[j]);
        }
        // Features.MEAN_MARGIN and MEAN_BM25_MARGIN: what a lead over a field of none is counted as
        int marginAt = 1 + Features.NAMES.indexOf("margin");
        int bm25MarginAt = 1 + Features.NAMES.indexOf("bm25Margin");
        List<Row> reaching = dev.stream().filter(r -> r.x() != null && !r.vetoed()).toList();
        System.out.printf(Locale.ROOT, "margins' means over the %d development lines no rule stops: margin %.3f, bm25Margin %.3f%n",
                reaching.size(), reaching.stream().mapToDouble(r -> r.x()[marginAt]).average().orElse(0),
                reaching.stream().mapToDouble(r -> r.x()[bm25MarginAt]).average().orElse(0));
        if (System.getProperty("replayDump") != null) {
            List<String> out = new ArrayList<>();
            extra.stream().filter(r -> r.file().equals("replay"))
                    .sorted((a, b) -> Double.compare(all.probability(b), all.probability(a)))
                    .forEach(r -> out.add(String.format(Locale.ROOT, "%.3f %s %s%n      %s%n      %s", all.probability(r),
                            r.right() ? "RIGHT" : "wrong", r.query().replaceAll("\\s+", " "), r.note(),
                            java.util.Arrays.toString(java.util.Arrays.stream(r.x()).skip(1)
                                    .mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).toArray()))));
            Files.write(Path.of(System.getProperty("replayDump")), out);
        }
        if (System.getProperty("probe") != null) {
            int answered = 0;
            int total = 0;
            for (String q : Files.readAllLines(Path.of(System.getProperty("probe")))) {
                if (q.isBlank() || q.startsWith("#")) {
                    continue;
                }
                total++;
                KnowledgeIndex.Decided d = index.decide(q);
                if (d.features() != null && d.rule() == null && all.probability(x(d.features())) >= all.threshold()) {
                    answered++;
                    System.out.printf(Locale.ROOT, "  probe answered %.3f %s%n", all.probability(x(d.features())), q);
                }
            }
            System.out.printf(Locale.ROOT, "probe: %d of %d answered%n", answered, total);
        }
    }

    /** The question's concepts the best candidate's thread and answer lack, with their idf. */
    static String missing(KnowledgeIndex index, String query) {
        KnowledgeIndex.Decided d = index.decide(query);
        if (d.best() == null) {
            return "";
        }
        Question q = index.read(query);
        Vocabulary v = index.vocabularyForTools();
        TermSet expanded = new TermSet(q.expandedIds(), v.size());
        long[] held = expanded.membersIn(d.best().entry().all());
        StringBuilder b = new StringBuilder();
        for (Concept c : q.concepts()) {
            if (!c.presentIn(held, expanded)) {
                b.append(String.format(Locale.ROOT, "%s:%.1f%s ", c.term(), c.idf(), c.productName() ? "P" : ""));
            }
        }
        Turn t = d.best().entry().item().turns().get(d.best().entry().turnIndex());
        return b + "\t" + t.question().replaceAll("\\s+", " ");
    }

    /**
     * Judges every development line by a model fitted without it (ten outer folds; the
     * threshold from five inner folds' out-of-fold scores); returns the scores.
     */
    static double[] outOfFold(List<Row> dev, List<Row> extra, boolean[] answered) {
        int[] fold = folds(dev.size(), FOLDS, 11);
        double[] scores = new double[dev.size()];
        for (int f = 0; f < FOLDS; f++) {
            List<Row> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < dev.size(); i++) {
                if (fold[i] == f) {
                    test.add(i);
                } else {
                    train.add(dev.get(i));
                }
            }
            Model m = fitWithThreshold(train, extra);
            for (int i : test) {
                scores[i] = m.probability(dev.get(i));
                answered[i] = m.answers(dev.get(i));
            }
        }
        return scores;
    }

    /** The development rows of both files and the extra rows, as {@link #main} fits on them. */
    static List<List<Row>> rows(Path shared) throws Exception {
        List<KnowledgeItem> items = SofaCorpus.items(shared);
        KnowledgeIndex index = KnowledgeIndex.build(items);
        List<Row> dev = new ArrayList<>(developmentRows(index, shared.resolve("eval/dev.jsonl"), "dev"));
        dev.addAll(developmentRows(index, shared.resolve("eval/dev-hard.jsonl"), "hard"));
        List<Row> extra = new ArrayList<>(syntheticRows(index, items, Integer.getInteger("reps", 2), Long.getLong("seed", 7)));
        extra.addAll(replayRows(items, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)));
        return List.of(dev, extra);
    }

    /** Weights, intercept and a threshold, all from {@code train}. */
    record Model(double[] w, double threshold) {
        double probability(Row r) {
            return r.x() == null ? 0 : probability(r.x());
        }

        double probability(double[] x) {
            return ConfidenceFit.probability(w, x);
        }

        boolean answers(Row r) {
            return r.x() != null && !r.vetoed() && probability(r) >= threshold;
        }
    }

    private static Model fitWithThreshold(List<Row> train, List<Row> extra) {
        int inner = 5;
        int[] fold = folds(train.size(), inner, 5);
        double[] scores = new double[train.size()];
        for (int f = 0; f < inner; f++) {
            List<Row> part = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (fold[i] != f) {
                    part.add(train.get(i));
                }
            }
            double[] w = fit(part, extra);
            for (int i = 0; i < train.size(); i++) {
                if (fold[i] == f) {
                    scores[i] = train.get(i).x() == null ? 0 : probability(w, train.get(i).x());
                }
            }
        }
        double[] w = fit(train, extra);
        List<Double> replayWrong = new ArrayList<>();
        if (REPLAY_IN_THRESHOLD) {
            // real in-domain questions the knowledge of their day did not answer: the threshold
            // must not answer more of them than of the development set's unanswerable lines
            extra.stream().filter(r -> r.file().equals("replay") && !r.right())
                    .forEach(r -> replayWrong.add(probability(w, r.x())));
        }
        return new Model(w, threshold(train, scores, replayWrong));
    }

    private static double[] fit(List<Row> dev, List<Row> extra) {
        List<Row> rows = new ArrayList<>(extra);
        dev.stream().filter(r -> r.x() != null).forEach(rows::add);
        double[] w = newton(rows);
        w[0] = refitBias(w, dev);
        return w;
    }

    private static int[] folds(int n, int k, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order.get(i)] = i % k;
        }
        return fold;
    }

    static double[] x(Features f) {
        double[] v = f.vector();
        String trial = System.getProperty("trial", "");
        int more = trial.isEmpty() ? 0 : trial.split(",").length;
        double[] x = new double[v.length + 1 + more];
        x[0] = 1;
        System.arraycopy(v, 0, x, 1, v.length);
        int k = v.length + 1;
        for (String t : trial.isEmpty() ? new String[0] : trial.split(",")) {
            // the first and last became Features.restatement and technicalAlignment
            x[k++] = switch (t) {
                case "minqr" -> Math.min(f.questionCoverage(), f.reverseCoverage());
                case "prodqr" -> f.questionCoverage() * f.reverseCoverage();
                case "mintr" -> Math.min(f.threadCoverage(), f.reverseCoverage());
                case "mintechr" -> Math.min(f.technicalCoverage(), f.reverseCoverage());
                // a plain copy of a feature: what a near-duplicate does to the fit by itself
                case "rc" -> f.reverseCoverage();
                default -> throw new IllegalArgumentException(t);
            };
        }
        return x;
    }

    private static List<Row> developmentRows(KnowledgeIndex index, Path file, String name) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json = mapper.readTree(line);
            String query = json.get("query").asText();
            List<JsonNode> expected = new ArrayList<>();
            if (json.hasNonNull("expect")) {
                expected.add(json.get("expect"));
            }
            json.path("alt").forEach(expected::add);
            KnowledgeIndex.Decided d = index.decide(query);
            boolean right = false;
            double[] x = null;
            if (d.features() != null) {
                KnowledgeIndex.Entry best = d.best().entry();
                String answer = norm(best.item().turns().get(best.turnIndex()).answer());
                right = expected.stream().anyMatch(e -> e.get("file").asText().equals(best.item().source().file())
                        && answer.contains(norm(e.get("answer_contains").asText())));
                x = x(d.features());
            }
            rows.add(new Row(json.get("id").asText(), name, json.get("kind").asText(), x, right, !expected.isEmpty(),
                    d.rule() != null, 1, query, ""));
        }
        return rows;
    }

    /** The threads posted in [from, to), asked of the knowledge from before {@code from}. */
    private static List<Row> replayRows(List<KnowledgeItem> items, LocalDate from, LocalDate to) {
        Replay replay = Replay.split(items, from);
        KnowledgeIndex past = KnowledgeIndex.build(replay.knowledge());
        List<Row> rows = new ArrayList<>();
        for (KnowledgeItem thread : replay.later()) {
            if (!thread.source().date().isBefore(to)) {
                continue;
            }
            String query = Replay.question(thread);
            KnowledgeIndex.Decided d = past.decide(query);
            if (d.features() == null || d.rule() != null) {
                continue;
            }
            Turn answered = d.best().entry().item().turns().get(d.best().entry().turnIndex());
            boolean copy = KnowledgeIndex.copyKey(answered.question()).equals(KnowledgeIndex.copyKey(query))
                    || norm(answered.answer()).equals(norm(thread.turns().get(0).answer()));
            rows.add(new Row("r", "replay", "replay", x(d.features()), copy, copy, false, REPLAY_WEIGHT, query,
                    thread.source().file() + " -> " + d.best().entry().item().source().file() + "\n      asked thread's answer: "
                            + flat(thread.turns().get(0).answer()) + " " + thread.links() + "\n      answered question: "
                            + flat(answered.question()) + "\n      answer given: " + flat(answered.answer()) + " "
                            + d.best().entry().item().links()));
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
                    // made of corpus words, they say nothing about words the corpus lacks
                    double[] x = x(index.features(ranked, asked));
                    x[1 + Features.NAMES.indexOf("unseenShare")] = 0;
                    rows.add(new Row("s", "synthetic", "synthetic", x, isRight.test(ranked.get(0)), true, false,
                            SYNTHETIC_WEIGHT, query, ""));
                    List<Scored> without = ranked.stream().filter(isRight.negate()).toList();
                    if (!without.isEmpty()) {
                        double[] xw = x(index.features(without, asked));
                        xw[1 + Features.NAMES.indexOf("unseenShare")] = 0;
                        rows.add(new Row("s", "synthetic", "synthetic", xw, false, false, false, SYNTHETIC_WEIGHT, query, ""));
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

    /** L2-regularised weighted logistic regression by Newton's method. */
    private static double[] newton(List<Row> rows) {
        int d = rows.get(0).x().length;
        double[] w = new double[d];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int j = 1; j < d; j++) {
                gradient[j] = L2 * w[j];
                hessian[j][j] = L2;
            }
            for (Row r : rows) {
                double p = probability(w, r.x());
                double y = r.label();
                double weight = r.weight();
                for (int j = 0; j < d; j++) {
                    gradient[j] += weight * (p - y) * r.x()[j];
                    for (int k = 0; k < d; k++) {
                        hessian[j][k] += weight * p * (1 - p) * r.x()[j] * r.x()[k];
                    }
                }
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

    /**
     * The intercept that makes the mean probability on the development rows that a rule lets
     * through match their share of right answers.
     */
    private static double refitBias(double[] w, List<Row> dev) {
        double bias = w[0];
        for (int iteration = 0; iteration < 50; iteration++) {
            double g = 0;
            double h = 1e-9;
            for (Row r : dev) {
                if (r.x() == null || r.vetoed()) {
                    continue;
                }
                double p = probability(w, r.x(), bias);
                g += p - r.label();
                h += p * (1 - p);
            }
            bias -= g / h;
        }
        return bias;
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

    /**
     * The threshold that answers the most rows rightly, and of those the fewest wrongly, at
     * the precision and false-answer limits, judged on out-of-fold scores: halfway between the
     * lowest score it answers and the next lower one.
     */
    private static double threshold(List<Row> dev, double[] scores, List<Double> replayWrong) {
        long unanswerable = dev.stream().filter(r -> !r.answerable()).count();
        double best = 1.0;
        int bestRight = -1;
        int bestAnswered = Integer.MAX_VALUE;
        for (int c = 0; c < dev.size(); c++) {
            double t = scores[c];
            int answered = 0;
            int right = 0;
            int falseAnswers = 0;
            for (int i = 0; i < dev.size(); i++) {
                Row r = dev.get(i);
                if (r.x() == null || r.vetoed() || scores[i] < t) {
                    continue;
                }
                answered++;
                right += r.right() && r.answerable() ? 1 : 0;
                falseAnswers += r.answerable() ? 0 : 1;
            }
            int replayAnswered = 0;
            for (double score : replayWrong) {
                replayAnswered += score >= t ? 1 : 0;
            }
            boolean ok = answered > 0 && right >= MIN_PRECISION * answered && falseAnswers <= MAX_FALSE * unanswerable
                    && replayAnswered <= MAX_FALSE * replayWrong.size();
            if (ok && (right > bestRight || right == bestRight && answered < bestAnswered)) {
                best = t;
                bestRight = right;
                bestAnswered = answered;
            }
        }
        double below = 0;
        for (int i = 0; i < dev.size(); i++) {
            if (dev.get(i).x() != null && !dev.get(i).vetoed() && scores[i] < best) {
                below = Math.max(below, scores[i]);
            }
        }
        return Math.min(1, (best + below) / 2);
    }

    private static void report(List<Row> dev, boolean[] answered) {
        Map<String, int[]> tallies = new LinkedHashMap<>();
        for (int i = 0; i < dev.size(); i++) {
            Row r = dev.get(i);
            for (String key : List.of(r.file() + " " + r.kind(), r.file() + " all", "both all")) {
                int[] t = tallies.computeIfAbsent(key, k -> new int[6]);
                // lines, answerable, answers, right answers, unanswerable, false answers
                t[0]++;
                t[1] += r.answerable() ? 1 : 0;
                t[2] += answered[i] ? 1 : 0;
                t[3] += answered[i] && r.answerable() && r.right() ? 1 : 0;
                t[4] += r.answerable() ? 0 : 1;
                t[5] += answered[i] && !r.answerable() ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "  %-18s %5s %9s %9s %13s%n", "file kind", "lines", "coverage", "precision",
                "false-answer");
        tallies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int[] t = e.getValue();
            System.out.printf(Locale.ROOT, "  %-18s %5d %9s %9s %13s%n", e.getKey(), t[0],
                    t[1] == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%d/%d)", (double) t[3] / t[1], t[3], t[1]),
                    t[2] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) t[3] / t[2]),
                    t[4] == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%d/%d)", (double) t[5] / t[4], t[5], t[4]));
        });
    }

    /** How often the best candidate was right, by out-of-fold score, over the lines no rule stopped. */
    private static void calibration(List<Row> dev, double[] scores) {
        double[] edges = {0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 1.0001};
        System.out.println("calibration, out of fold (score band: lines, right, mean score):");
        for (int b = 0; b + 1 < edges.length; b++) {
            int n = 0;
            int right = 0;
            double sum = 0;
            for (int i = 0; i < dev.size(); i++) {
                Row r = dev.get(i);
                if (r.x() == null || r.vetoed() || scores[i] < edges[b] || scores[i] >= edges[b + 1]) {
                    continue;
                }
                n++;
                right += (int) r.label();
                sum += scores[i];
            }
            if (n > 0) {
                System.out.printf(Locale.ROOT, "  [%.2f, %.2f): %3d lines, %.2f right, mean score %.2f%n", edges[b],
                        Math.min(1, edges[b + 1]), n, (double) right / n, sum / n);
            }
        }
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

    private static String flat(String s) {
        String f = s.replaceAll("\\s+", " ");
        return f.length() > 300 ? f.substring(0, 300) + "…" : f;
    }

    static String norm(String s) {
        return s.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[\\s*`>#]+", "");
    }
}
