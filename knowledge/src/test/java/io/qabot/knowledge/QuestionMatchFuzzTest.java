package io.qabot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Any chat message against a real (small) knowledge base: {@link KnowledgeIndex#match} always
 * returns a decision with a confidence in [0, 1] and never throws. The knowledge is the seed
 * posts of {@link io.qabot.knowledge.ingest.KnowledgeFileFuzzTest}; the seed questions are
 * real ones from the evaluation set, in {@code QuestionMatchFuzzTestInputs/…/}.
 */
class QuestionMatchFuzzTest {
    private static final KnowledgeIndex INDEX = KnowledgeIndex.build(
            new KnowledgeReader().read(List.of(seedPosts())).items());

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyMessageGetsADecisionWithAConfidenceBetweenZeroAndOne(byte[] message) {
        String question = new String(message, StandardCharsets.UTF_8);

        Match match = INDEX.match(question);

        assertNotNull(match.decision(), "no decision");
        assertEquals(question, match.question());
        assertTrue(match.confidence() >= 0 && match.confidence() <= 1, () -> "confidence " + match.confidence());
        assertTrue(match.candidates().size() <= 5, () -> match.candidates().size() + " candidates");
        if (match.decision() == Decision.ANSWER) {
            assertTrue(match.best().isPresent(), "an answer without a candidate");
        }
        assertNotNull(INDEX.unseenTerms(question));
    }

    private static Path seedPosts() {
        try {
            return Path.of(QuestionMatchFuzzTest.class.getResource(
                    "ingest/KnowledgeFileFuzzTestInputs/anyKnowledgeFileIsReadOrReportedWithFileAndLine").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
