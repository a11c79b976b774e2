package io.qabot.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Problem;
import io.qabot.knowledge.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a knowledge file: read into items, or reported as problems that point at the
 * file and a line in it; the reader never throws for content. The reader turns a parser's
 * exception into a "could not parse" problem so one bad post cannot take the knowledge down;
 * here that problem is a finding, because it means a parser bug was hidden.
 *
 * <p>Seeds: real digest and FAQ snippets of each shape, in
 * {@code KnowledgeFileFuzzTestInputs/anyKnowledgeFileIsReadOrReportedWithFileAndLine/}.
 */
class KnowledgeFileFuzzTest {
    private static final String NAME = "post.md";

    @TempDir
    static Path dir;

    private final KnowledgeReader reader = new KnowledgeReader();

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyKnowledgeFileIsReadOrReportedWithFileAndLine(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve(NAME), content);
        Corpus corpus = reader.read(List.of(file));

        int lines = content.length == 0 ? 0 : new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\r\n|\r|\n", -1).length;
        for (Problem problem : corpus.problems()) {
            assertEquals(NAME, problem.file(), () -> "problem names another file: " + problem);
            assertTrue(problem.line() >= 0 && problem.line() <= lines + 1, () -> "problem line outside the file: " + problem);
            assertFalse(problem.reason() == null || problem.reason().isBlank(), () -> "problem without a reason: " + problem);
            assertFalse(problem.reason().startsWith("could not parse"), () -> "a parser threw: " + problem);
        }
        for (KnowledgeItem item : corpus.items()) {
            for (Turn turn : item.turns()) {
                assertFalse(turn.question().isBlank(), () -> "an item with a blank question: " + item);
                assertFalse(turn.answer().isBlank(), () -> "an item with a blank answer: " + item);
                assertTrue(turn.line() >= 1 && turn.line() <= lines, () -> "a turn's line outside the file: " + item);
            }
        }
    }
}
