package io.qabot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.knowledge.ingest.KnowledgeReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the matcher's quality on both development files at the figures the README reports:
 * a change that makes the bot answer less or answer wrongly fails here.
 *
 * <p>The confidence model is fitted on these files, so the figures that say how it does on
 * questions nobody tuned for are out of fold ({@link ConfidenceFit}'s nested cross-validation,
 * the same computation as its report). The targets are precision 0.97, at most 2% of
 * the unanswerable lines answered, coverage 0.85 on dev.jsonl and 0.70 on dev-hard.jsonl; the
 * precision, false-answer and chat-line targets are guarded, coverage at what is reached today
 * (README: 0.597 and 0.200), which is below the targets. The threshold also keeps the 2020
 * replay questions (real members' questions, the closest thing to what the bot will be asked)
 * within 2 % false answers, because a wrong answer costs more than ten escalations
 * (docs/precision.md); the fourth round's question-to-question alignment features won back
 * part of the coverage that cost (0.484 and 0.156 before).
 */
class DevelopmentSetTest {
    private static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));
    private static KnowledgeIndex index;

    @BeforeAll
    static void index() {
        index = KnowledgeIndex.build(new KnowledgeReader().read(List.of(
                SHARED.resolve("corpus/sofa-weekly"), SHARED.resolve("corpus/faq"))).items());
    }

    @Test
    void outOfFoldOnBothFilesTheBotIsRightWhenItAnswersAndNeverAnswersChat() throws Exception {
        List<List<ConfidenceFit.Row>> rows = ConfidenceFit.rows(SHARED);
        List<ConfidenceFit.Row> dev = rows.get(0);
        boolean[] answered = new boolean[dev.size()];
        ConfidenceFit.outOfFold(dev, rows.get(1), answered);
        Tally all = new Tally();
        Tally devFile = new Tally();
        Tally hardFile = new Tally();
        int chatAnswered = 0;
        for (int i = 0; i < dev.size(); i++) {
            ConfidenceFit.Row r = dev.get(i);
            boolean right = r.answerable() && r.right();
            all.add(r.answerable(), answered[i], right);
            (r.file().equals("dev") ? devFile : hardFile).add(r.answerable(), answered[i], right);
            chatAnswered += answered[i] && r.kind().equals("chitchat") ? 1 : 0;
        }
        String figures = "all " + all + "; dev " + devFile + "; dev-hard " + hardFile;
        assertEquals(0, chatAnswered, figures);
        assertTrue(all.precision() >= 0.97, figures);
        assertTrue(all.falseRate() <= 0.01, figures);
        assertTrue(devFile.coverage() >= 0.59, figures);
        assertTrue(hardFile.coverage() >= 0.20, figures);
    }

    @Test
    void theShippedModelAnswersNoChatLineAndRarelyAnUnanswerableOne() throws Exception {
        // in sample (the model was fitted on these lines): a check that what ships is what was fitted
        Tally all = new Tally();
        int chatAnswered = 0;
        ObjectMapper mapper = new ObjectMapper();
        for (String file : List.of("eval/dev.jsonl", "eval/dev-hard.jsonl")) {
            for (String line : Files.readAllLines(SHARED.resolve(file))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json = mapper.readTree(line);
                Match match = index.match(json.get("query").asText());
                boolean answered = match.decision() == Decision.ANSWER;
                boolean answerable = !json.get("expect").isNull();
                all.add(answerable, answered, answerable && answered && accepts(json, match.best().orElseThrow()));
                chatAnswered += answered && json.get("kind").asText().equals("chitchat") ? 1 : 0;
            }
        }
        assertEquals(0, chatAnswered, all.toString());
        assertTrue(all.precision() >= 0.95, all.toString());
        assertTrue(all.falseRate() <= 0.02, all.toString());
        assertTrue(all.coverage() >= 0.42, all.toString());
    }

    /** Coverage, precision and false-answer rate of a slice. */
    private static final class Tally {
        int answerable;
        int unanswerable;
        int answers;
        int right;
        int falseAnswers;

        void add(boolean isAnswerable, boolean answered, boolean rightAnswer) {
            answerable += isAnswerable ? 1 : 0;
            unanswerable += isAnswerable ? 0 : 1;
            answers += answered ? 1 : 0;
            right += rightAnswer ? 1 : 0;
            falseAnswers += answered && !isAnswerable ? 1 : 0;
        }

        double coverage() {
            return (double) right / answerable;
        }

        double precision() {
            return answers == 0 ? 1 : (double) right / answers;
        }

        double falseRate() {
            return (double) falseAnswers / unanswerable;
        }

        @Override
        public String toString() {
            return "coverage %.3f (%d/%d) precision %.3f false %.3f (%d/%d)".formatted(coverage(), right, answerable,
                    precision(), falseRate(), falseAnswers, unanswerable);
        }
    }

    private static boolean accepts(JsonNode line, Candidate best) {
        List<JsonNode> expected = new ArrayList<>();
        expected.add(line.get("expect"));
        line.path("alt").forEach(expected::add);
        return expected.stream().anyMatch(e -> e.get("file").asText().equals(best.item().source().file())
                && ConfidenceFit.norm(best.turn().answer()).contains(ConfidenceFit.norm(e.get("answer_contains").asText())));
    }
}
