package io.qabot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Development tool, not a test: prints, for every line of an evaluation file, the features
 * of the best candidate and whether it is the expected answer, as TSV for fitting the
 * confidence model. Run with the test classpath.
 */
public final class TuningReport {
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("qabot.shared", "../shared"));
        List<KnowledgeItem> items = SofaCorpus.items(shared);
        KnowledgeIndex index = KnowledgeIndex.build(items);
        ObjectMapper mapper = new ObjectMapper();
        if (args.length > 1) {
            System.out.println(index.terms(args[1]));
            for (Scored s : index.debugRank(args[1])) {
                System.out.printf(Locale.ROOT, "%.3f bm25=%.2f q=%.2f t=%.2f a=%.2f r=%.2f %s %s%n", s.rankScore(), s.bm25(),
                        s.questionCoverage(), s.threadCoverage(), s.allCoverage(), s.reverseCoverage(), s.entry().item().id(),
                        s.entry().item().turns().get(s.entry().turnIndex()).question().replaceAll("\\s+", " "));
            }
            return;
        }
        if (System.getProperty("negatives") != null) {
            // Questions the knowledge does not hold: each thread's opening question, asked of
            // the index with every copy of that thread taken out of the candidates.
            int n = 0;
            for (KnowledgeItem item : items) {
                if (n++ % 2 != 0) {
                    continue;
                }
                String query = item.turns().get(0).question();
                List<Scored> ranked = index.debugRank(query);
                int group = ranked.stream().filter(s -> s.entry().item() == item).map(s -> s.entry().group())
                        .findFirst().orElse(-1);
                for (Scored s : ranked) {
                    if (s.entry().item() == item || s.entry().group() == group) {
                        continue;
                    }
                    System.out.printf(Locale.ROOT, "C\t%s\t%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d\t%.4f\t%d\t%.4f\t%.4f%n",
                            "n" + n, "synthetic", 0, 0, s.bm25(), s.questionCoverage(),
                            s.threadCoverage(), s.allCoverage(), s.reverseCoverage(), s.entry().group(), index.terms(query).size(),
                            s.unseenShare(), s.otherProduct() ? 1 : 0, 0.0, s.nameCoverage());
                }
            }
            return;
        }
        System.out.println("id\tkind\tanswerable\tcorrect\trankOfRight\tqcov\ttcov\tacov\trev\tmargin\tnterms\tdecision\tp\tquery\ttop");
        for (String line : Files.readAllLines(Path.of(args.length > 0 ? args[0] : shared.resolve("eval/dev.jsonl").toString()))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json = mapper.readTree(line);
            String query = json.get("query").asText();
            List<String[]> expected = new ArrayList<>();
            if (json.hasNonNull("expect")) {
                expected.add(new String[]{json.at("/expect/file").asText(), json.at("/expect/answer_contains").asText()});
            }
            for (JsonNode alt : json.path("alt")) {
                expected.add(new String[]{alt.get("file").asText(), alt.get("answer_contains").asText()});
            }
            if (System.getProperty("cands") != null) {
                for (Scored s : index.debugRank(query)) {
                    boolean ok = false;
                    for (String[] e : expected) {
                        ok |= s.entry().item().source().file().equals(e[0])
                                && norm(s.entry().item().turns().get(s.entry().turnIndex()).answer()).contains(norm(e[1]));
                    }
                    System.out.printf(Locale.ROOT, "C\t%s\t%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d\t%.4f\t%d\t%.4f\t%.4f%n", json.get("id").asText(),
                            json.get("kind").asText(), expected.isEmpty() ? 0 : 1, ok ? 1 : 0, s.bm25(), s.questionCoverage(),
                            s.threadCoverage(), s.allCoverage(), s.reverseCoverage(), s.entry().group(), index.terms(query).size(),
                            s.unseenShare(), s.otherProduct() ? 1 : 0, 0.0, s.nameCoverage());
                }
                continue;
            }
            Match match = index.match(query);
            Features f = index.features(query);
            int rank = -1;
            for (int i = 0; i < match.candidates().size(); i++) {
                Candidate c = match.candidates().get(i);
                for (String[] e : expected) {
                    if (c.item().source().file().equals(e[0]) && norm(c.turn().answer()).contains(norm(e[1]))) {
                        rank = rank < 0 ? i : rank;
                    }
                }
            }
            String top = match.best().map(c -> c.item().id() + "/" + c.turnIndex() + " " + c.turn().question()
                    .replaceAll("\\s+", " ")).orElse("-");
            System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%s\t%.3f\t%s\t%s%n",
                    json.get("id").asText(), json.get("kind").asText(), expected.isEmpty() ? 0 : 1, rank == 0 ? 1 : 0, rank,
                    f == null ? 0 : f.questionCoverage(), f == null ? 0 : f.threadCoverage(), f == null ? 0 : f.allCoverage(),
                    f == null ? 0 : f.reverseCoverage(), f == null ? 0 : f.margin(), f == null ? 0 : (int) (f.length() * 20),
                    match.decision().wireName(), match.confidence(), query, top.length() > 80 ? top.substring(0, 80) : top);
        }
    }

    private static String norm(String s) {
        return s.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[\\s*`>#]+", "");
    }
}
