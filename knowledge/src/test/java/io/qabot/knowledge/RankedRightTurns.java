package io.qabot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Development tool, not a test: would a reranker over the top six candidates get more
 * development lines answered? For every answerable line whose best candidate is wrong, prints
 * where the right turn ranks and the shipped model's confidence in each of the top six as if it
 * were the best (its margin against the others then negative). docs/precision.md (fourth round)
 * has the result: the right turns would score 0.31 or less, far under the threshold.
 * {@code java -Dqabot.shared=../shared -cp <knowledge test classpath> io.qabot.knowledge.RankedRightTurns}
 */
public final class RankedRightTurns {
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("qabot.shared", "../shared"));
        List<KnowledgeItem> items = SofaCorpus.items(shared);
        KnowledgeIndex index = KnowledgeIndex.build(items);
        ObjectMapper mapper = new ObjectMapper();
        for (String file : List.of("eval/dev.jsonl", "eval/dev-hard.jsonl")) {
            for (String line : Files.readAllLines(shared.resolve(file))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json = mapper.readTree(line);
                List<JsonNode> expected = new ArrayList<>();
                if (json.hasNonNull("expect")) {
                    expected.add(json.get("expect"));
                }
                json.path("alt").forEach(expected::add);
                if (expected.isEmpty()) {
                    continue;
                }
                String query = json.get("query").asText();
                Question asked = index.read(query);
                List<Scored> ranked = index.debugRank(query);
                int rightAt = -1;
                StringBuilder b = new StringBuilder();
                for (int k = 0; k < Math.min(6, ranked.size()); k++) {
                    Scored s = ranked.get(k);
                    Turn t = s.entry().item().turns().get(s.entry().turnIndex());
                    boolean right = expected.stream().anyMatch(e -> e.get("file").asText().equals(s.entry().item().source().file())
                            && ConfidenceFit.norm(t.answer()).contains(ConfidenceFit.norm(e.get("answer_contains").asText())));
                    if (right && rightAt < 0) {
                        rightAt = k;
                    }
                    List<Scored> others = new ArrayList<>(ranked);
                    others.remove(k);
                    others.add(0, s);
                    Features f = index.features(others, asked);
                    b.append(String.format(Locale.ROOT, " %s%.2f", right ? "*" : "", Confidence.FITTED.probability(f)));
                }
                if (rightAt != 0) {
                    System.out.printf(Locale.ROOT, "%s rightAt=%d%s | %s%n", json.get("id").asText(), rightAt, b, query.replaceAll("\\s+", " "));
                }
            }
        }
    }
}
