package io.qabot.knowledge;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Development tool, not a test: prints every decision the matcher makes on the development
 * set, on every question of the corpus and on a synthetic corpus, with confidence and the
 * top candidates, one line each. Diffing its output before and after a change to retrieval
 * shows every decision the change alters, far beyond the development set's 82 lines.
 * Usage: MatchFingerprint [synthetic size, default 10000]
 */
public final class MatchFingerprint {
    private static final Pattern QUERY = Pattern.compile("\"query\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("qabot.shared", "../shared"));
        List<KnowledgeItem> items = SofaCorpus.items(shared);
        List<String> questions = new ArrayList<>();
        Matcher m = QUERY.matcher(Files.readString(shared.resolve("eval/dev.jsonl"), StandardCharsets.UTF_8));
        while (m.find()) {
            questions.add(m.group(1).replace("\\\"", "\"").replace("\\n", "\n"));
        }
        items.forEach(i -> i.turns().forEach(t -> questions.add(t.question())));
        // halves of two questions spliced: near misses, the commonest hard case
        Random random = new Random(7);
        List<String> own = items.stream().flatMap(i -> i.turns().stream()).map(Turn::question).toList();
        for (int i = 0; i < 400; i++) {
            String a = own.get(random.nextInt(own.size()));
            String b = own.get(random.nextInt(own.size()));
            questions.add(a.substring(0, a.length() / 2) + b.substring(b.length() / 2));
        }
        print("corpus", KnowledgeIndex.build(items), questions);
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        if (size > 0) {
            print("synthetic" + size, KnowledgeIndex.build(grow(items, size)), questions.subList(0, 600));
        }
    }

    private static void print(String name, KnowledgeIndex index, List<String> questions) {
        int n = 0;
        for (String q : questions) {
            Match match = index.match(q);
            StringBuilder line = new StringBuilder();
            line.append(name).append('\t').append(n++).append('\t').append(match.decision().wireName())
                    .append('\t').append(String.format(Locale.ROOT, "%.6f", match.confidence()));
            for (Candidate c : match.candidates()) {
                line.append('\t').append(c.item().id()).append('/').append(c.turnIndex())
                        .append(String.format(Locale.ROOT, ":%.4f", c.score()));
            }
            System.out.println(line);
        }
    }

    /** The same growth as the benchmark's SyntheticKnowledge (that class is in another package). */
    private static List<KnowledgeItem> grow(List<KnowledgeItem> real, int size) {
        List<Turn> turns = real.stream().flatMap(i -> i.turns().stream()).toList();
        List<KnowledgeItem> grown = new ArrayList<>(real);
        Random random = new Random(42);
        for (int i = grown.size(); i < size; i++) {
            Turn a = turns.get(random.nextInt(turns.size()));
            Turn b = turns.get(random.nextInt(turns.size()));
            String question = a.question().substring(0, a.question().length() / 2)
                    + b.question().substring(b.question().length() / 2);
            Source source = new Source("synthetic-" + i + ".md", "synthetic " + i, null, null);
            grown.add(new KnowledgeItem("synthetic-" + i + ".md#1", List.of(new Turn(question, a.answer(), 1)),
                    List.of(), "", source, Origin.DIGEST));
        }
        return grown;
    }
}
