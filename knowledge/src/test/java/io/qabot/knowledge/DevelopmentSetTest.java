package io.qabot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.knowledge.ingest.KnowledgeReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the matcher's quality on the development set at the figures the README reports:
 * a change that makes the bot answer less or answer wrongly fails here.
 */
class DevelopmentSetTest {
    private static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));

    @Test
    void theDevelopmentSetMeetsTheQualityTarget() throws Exception {
        KnowledgeIndex index = KnowledgeIndex.build(new KnowledgeReader().read(List.of(
                SHARED.resolve("corpus/sofa-weekly"), SHARED.resolve("corpus/faq"))).items());
        ObjectMapper mapper = new ObjectMapper();
        int answerable = 0;
        int unanswerable = 0;
        int answers = 0;
        int correct = 0;
        int falseAnswers = 0;
        for (String line : Files.readAllLines(SHARED.resolve("eval/dev.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json = mapper.readTree(line);
            Match match = index.match(json.get("query").asText());
            boolean answered = match.decision() == Decision.ANSWER;
            answers += answered ? 1 : 0;
            if (json.get("expect").isNull()) {
                unanswerable++;
                falseAnswers += answered ? 1 : 0;
                continue;
            }
            answerable++;
            if (answered && accepts(json, match.best().orElseThrow())) {
                correct++;
            }
        }
        double coverage = (double) correct / answerable;
        double precision = (double) correct / answers;
        double falseRate = (double) falseAnswers / unanswerable;
        String figures = "coverage %.3f precision %.3f false %.3f".formatted(coverage, precision, falseRate);
        assertTrue(coverage >= 0.90, figures);
        assertTrue(precision >= 0.97, figures);
        assertTrue(falseRate <= 0.02, figures);
    }

    private static boolean accepts(JsonNode line, Candidate best) {
        List<JsonNode> expected = new java.util.ArrayList<>();
        expected.add(line.get("expect"));
        line.path("alt").forEach(expected::add);
        return expected.stream().anyMatch(e -> e.get("file").asText().equals(best.item().source().file())
                && normalize(best.turn().answer()).contains(normalize(e.get("answer_contains").asText())));
    }

    private static String normalize(String s) {
        return s.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[\\s*`>#]+", "");
    }
}
