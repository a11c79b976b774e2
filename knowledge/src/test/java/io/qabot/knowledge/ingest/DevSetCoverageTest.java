package io.qabot.knowledge.ingest;

import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Turn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matcher can only be right if the parse kept the answers: for every answerable line of
 * the evaluation set, the expected file (or an accepted alternative) must have a turn whose
 * answer contains the expected text, normalised the way the evaluation normalises.
 */
class DevSetCoverageTest {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\[]*)\\]\\(([^()\\s]*)\\)");

    private static Path shared;
    private static Corpus corpus;

    @BeforeAll
    static void readCorpus() {
        shared = Path.of(System.getProperty("qabot.shared"));
        corpus = new KnowledgeReader().read(List.of(shared.resolve("corpus/sofa-weekly")));
    }

    @Test
    void everyAnswerableDevLineFindsItsAnswerInTheExpectedFile() throws IOException {
        List<String> lines = Files.readAllLines(shared.resolve("eval/dev.jsonl"), StandardCharsets.UTF_8);
        int answerable = 0;
        List<String> missing = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) JsonLine.parse(line);
            if (entry.get("expect") == null) {
                continue;
            }
            answerable++;
            List<Object> accepted = new ArrayList<>();
            accepted.add(entry.get("expect"));
            if (entry.get("alt") instanceof List<?> alt) {
                accepted.addAll(alt);
            }
            boolean found = accepted.stream().anyMatch(e -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> expect = (Map<String, Object>) e;
                return hasAnswer((String) expect.get("file"), (String) expect.get("answer_contains"));
            });
            if (!found) {
                missing.add(entry.get("id") + " " + entry.get("expect"));
            }
        }
        System.out.printf("dev.jsonl: answer found for %d of %d answerable lines%n",
                answerable - missing.size(), answerable);
        assertTrue(answerable > 0, "the dev set has answerable lines");
        assertEquals(List.of(), missing, "dev lines whose answer the parse lost");
    }

    @Test
    void normalisingDropsWhitespaceMarkupAndLinkTargets() {
        assertEquals("看这个issue就行", normalise("看 **这个** [issue](https://x/1) 就行\n> `#`"));
    }

    private static boolean hasAnswer(String file, String contains) {
        String wanted = normalise(contains);
        for (KnowledgeItem item : corpus.items()) {
            if (!item.source().file().equals(file)) {
                continue;
            }
            for (Turn turn : item.turns()) {
                if (normalise(turn.answer()).contains(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The evaluation's normalisation: links become their text, then white space and * ` > # go. */
    static String normalise(String text) {
        String s = LINK.matcher(text).replaceAll("$1");
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && "*`>#".indexOf(c) < 0).forEach(b::appendCodePoint);
        return b.toString();
    }
}
