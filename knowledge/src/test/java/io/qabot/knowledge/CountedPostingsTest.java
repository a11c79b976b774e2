package io.qabot.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.knowledge.ingest.KnowledgeReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Postings counted from the analysed terms ({@link Bm25Postings#count}) are the ones Lucene's
 * index writer makes and {@link Bm25Postings#load} reads back: the whole query side, written as
 * an index snapshot writes it, is the same to the last byte, so every decision is the same.
 */
class CountedPostingsTest {
    private static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));

    @Test
    void theQuerySideIsByteForByteTheOneLuceneMakes() throws IOException {
        List<KnowledgeItem> corpus = new KnowledgeReader().read(List.of(SHARED.resolve("corpus/sofa-weekly"),
                SHARED.resolve("corpus/faq"))).items();
        // open escalations as the desk indexes them: one turn, the question doubling as its answer
        List<KnowledgeItem> escalations = new ArrayList<>();
        for (KnowledgeItem item : corpus) {
            for (Turn turn : item.turns()) {
                escalations.add(new KnowledgeItem("escalation#" + escalations.size(),
                        List.of(new Turn(turn.question(), turn.question(), 0)), List.of(), "",
                        new Source("escalations", "", null, null), Origin.MAINTAINER));
            }
        }
        Random random = new Random(5);
        int multiTurn = 0;
        for (int round = 0; round < 24; round++) {
            List<KnowledgeItem> pool = new ArrayList<>(round % 2 == 0 ? corpus : escalations);
            Collections.shuffle(pool, random);
            List<KnowledgeItem> items = List.copyOf(pool.subList(0, 1 + random.nextInt(round < 4 ? 3 : 300)));
            multiTurn += (int) items.stream().filter(i -> i.turns().size() > 1).count();
            assertArrayEquals(image(IndexBuilder.build(items, null, Confidence.FITTED, false), items),
                    image(IndexBuilder.build(items, null, Confidence.FITTED, true), items), "round " + round);
        }
        assertTrue(multiTurn > 50, "threads with follow-ups (a context field) were indexed: " + multiTurn);
        List<KnowledgeItem> none = List.of();
        assertArrayEquals(image(IndexBuilder.build(none, null, Confidence.FITTED, false), none),
                image(IndexBuilder.build(none, null, Confidence.FITTED, true), none));
    }

    @Test
    void onlyTermsTheWhitespaceTokenizerKeepsWholeAreCounted() {
        assertTrue(IndexBuilder.wholeTokens(turn(List.of("sofa", "跨机房", "c++"))));
        assertFalse(IndexBuilder.wholeTokens(turn(List.of("two words"))));
        assertFalse(IndexBuilder.wholeTokens(turn(List.of("tab\tbed"))));
        assertFalse(IndexBuilder.wholeTokens(turn(List.of(""))));
        assertFalse(IndexBuilder.wholeTokens(turn(List.of("x".repeat(255)))));
        assertEquals(true, IndexBuilder.wholeTokens(turn(List.of("x".repeat(200)))));
    }

    private static IndexBuilder.AnalysedTurn turn(List<String> answer) {
        return new IndexBuilder.AnalysedTurn(null, 0, List.of("q"), List.of(), answer, java.util.Set.of(), "q", 0);
    }

    private static byte[] image(KnowledgeIndex index, List<KnowledgeItem> items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            IndexImage.write(index, items, out);
        }
        return bytes.toByteArray();
    }
}
