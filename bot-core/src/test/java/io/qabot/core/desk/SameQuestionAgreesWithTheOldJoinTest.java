package io.qabot.core.desk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Turn;
import io.qabot.knowledge.ingest.KnowledgeReader;
import io.qabot.knowledge.snapshot.QuestionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The kept join ({@link SameQuestion}) decides as the old one ({@link SameQuestionAsBefore}) did
 * on real questions: the development sets' paraphrases asked while the digest question they
 * paraphrase is open (and after it closed), over a window of open digest questions that changes
 * at every step as the store's does, plus repeats that differ only in case, spacing and
 * punctuation, and repeats written without spaces ("jraft能跨机房部署吗").
 *
 * <p>The one difference allowed is the key: the old join folded spacing and punctuation to one
 * space, the new one takes {@link QuestionKey} (letters and digits only), so "jraft能" and
 * "jraft 能" are one question. A decision may differ only where the new join joins by that key
 * an open question whose old key differed (and, on an empty key, where the old join joined by
 * it): every such pair is printed, and all the rest must agree.
 */
class SameQuestionAgreesWithTheOldJoinTest {
    private static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));
    private static final Pattern FIELD = Pattern.compile("\"(query|file|answer_contains)\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int WINDOW = 40;

    /** A development-set question and the digest question it paraphrases. */
    private record Pair(String query, String original) {
    }

    @Test
    void joinsExactlyTheQuestionsTheOldJoinJoined() throws Exception {
        Map<String, List<Turn>> byFile = new LinkedHashMap<>();
        List<String> corpus = new ArrayList<>();
        for (KnowledgeItem item : new KnowledgeReader().read(List.of(SHARED.resolve("corpus/sofa-weekly"),
                SHARED.resolve("corpus/faq"))).items()) {
            byFile.computeIfAbsent(item.source().file(), f -> new ArrayList<>()).addAll(item.turns());
            item.turns().forEach(t -> corpus.add(t.question().strip()));
        }
        List<Pair> pairs = new ArrayList<>();
        List<String> unpaired = new ArrayList<>();
        for (String file : List.of("dev.jsonl", "dev-hard.jsonl")) {
            for (String line : Files.readAllLines(SHARED.resolve("eval").resolve(file))) {
                Map<String, String> fields = fields(line);
                String original = byFile.getOrDefault(fields.getOrDefault("file", ""), List.of()).stream()
                        .filter(t -> fields.containsKey("answer_contains") && t.answer().contains(fields.get("answer_contains")))
                        .map(t -> t.question().strip()).findFirst().orElse(null);
                if (original != null) {
                    pairs.add(new Pair(fields.get("query"), original));
                } else if (fields.containsKey("query")) {
                    unpaired.add(fields.get("query"));
                }
            }
        }
        assertTrue(pairs.size() > 100, "paraphrase pairs found: " + pairs.size());

        Random random = new Random(7);
        Random spaceless = new Random(11); // its own, so the other four questions are those of before
        Collections.shuffle(corpus, random);
        SameQuestion kept = new SameQuestion();
        SameQuestionAsBefore old = new SameQuestionAsBefore();
        Deque<SameQuestion.Open> window = new ArrayDeque<>();
        long nextId = 1;
        int asked = 0;
        int joinedByMatcher = 0;
        int joinedByKey = 0;
        int apart = 0;
        List<String> changed = new ArrayList<>();
        int[] changedByKind = new int[5];
        for (int step = 0; step < pairs.size(); step++) {
            // the store's window moves: the oldest two close, the paraphrased question and another open
            window.addFirst(new SameQuestion.Open(nextId++, corpus.get(step % corpus.size())));
            window.addFirst(new SameQuestion.Open(nextId++, pairs.get(step).original()));
            while (window.size() > WINDOW) {
                window.removeLast();
            }
            List<SameQuestion.Open> open = List.copyOf(window);
            List<String> questions = new ArrayList<>();
            questions.add(pairs.get(step).query());                                   // its original is open
            questions.add(pairs.get(Math.max(0, step - WINDOW)).query());            // its original has closed
            questions.add(unpaired.get(step % unpaired.size()));                     // out of scope or chatter
            SameQuestion.Open member = open.get(random.nextInt(open.size()));
            questions.add("  " + member.question().toUpperCase(java.util.Locale.ROOT) + "？！"); // a folded repeat
            SameQuestion.Open another = open.get(spaceless.nextInt(open.size()));
            questions.add(another.question().replaceAll("\\s+", ""));                  // a repeat without spaces
            for (int kind = 0; kind < questions.size(); kind++) {
                String question = questions.get(kind);
                OptionalLong before = old.find(question, open);
                OptionalLong now = kept.find(question, open);
                asked++;
                if (!before.equals(now)) {
                    assertTrue(joinedByTheNewKeyOnly(question, open, now) || emptyOldKey(question, before),
                            "step " + step + ": \"" + question + "\" joined " + before + " before, " + now + " now, over " + open);
                    changedByKind[kind]++;
                    changed.add(String.format("\"%s\": %s before, now #%d \"%s\"", question,
                            before.isPresent() ? "#" + before.getAsLong() + " \"" + questionOf(open, before.getAsLong()) + "\"" : "apart",
                            now.getAsLong(), questionOf(open, now.getAsLong())));
                }
                if (now.isEmpty()) {
                    apart++;
                } else if (QuestionKey.of(question).equals(QuestionKey.of(questionOf(open, now.getAsLong())))) {
                    joinedByKey++;
                } else {
                    joinedByMatcher++;
                }
            }
        }
        System.out.printf("%d questions over %d windows: %d joined by the matcher, %d by the key, %d kept apart;"
                + " %d decided otherwise than the old join (original open / closed / unpaired / folded repeat /"
                + " repeat without spaces: %s):%n", asked, pairs.size(), joinedByMatcher, joinedByKey, apart,
                changed.size(), java.util.Arrays.toString(changedByKind));
        changed.forEach(c -> System.out.println("  " + c));
        // both ways the join can go, and both ways of joining, were exercised, and not a handful of times
        assertTrue(joinedByMatcher >= 20, "joined by the matcher: " + joinedByMatcher + " of " + asked);
        assertTrue(joinedByKey >= 20, "joined by the folded key: " + joinedByKey + " of " + asked);
        assertTrue(apart >= 100, "kept apart: " + apart + " of " + asked);
    }

    /**
     * The new join joined, by {@link QuestionKey}, the first open question with the asked one's key,
     * and the old key told them apart: "jraft能" and "jraft 能".
     */
    private static boolean joinedByTheNewKeyOnly(String question, List<SameQuestion.Open> open, OptionalLong now) {
        if (now.isEmpty() || QuestionKey.of(question).isEmpty()) {
            return false;
        }
        SameQuestion.Open first = open.stream().filter(o -> QuestionKey.of(o.question()).equals(QuestionKey.of(question)))
                .findFirst().orElse(null);
        return first != null && first.id() == now.getAsLong()
                && !SameQuestionAsBefore.key(question).equals(SameQuestionAsBefore.key(first.question()));
    }

    /** A question with no letter or digit no longer joins by its (empty) key. */
    private static boolean emptyOldKey(String question, OptionalLong before) {
        return before.isPresent() && QuestionKey.of(question).isEmpty();
    }

    private static String questionOf(List<SameQuestion.Open> open, long id) {
        return open.stream().filter(o -> o.id() == id).findFirst().orElseThrow().question();
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return fields;
    }
}
